/**
 * TypeORM entities of the `reporting` views (read-only; the views come from the read models' definitions,
 * re-pointed at every swap). Register them with `entities` in libs/database/entities.ts to query them
 * through a repository.
 */
import { HouseholdCountsView } from './category-counts/category-counts.entity';
import { LoanCountsView } from './loan-portfolio/loan-portfolio.entity';
import { NeedCountsView } from './needs-status/needs-status.entity';
import { SatisfactionCountsView } from './satisfaction-rates/satisfaction-rates.entity';
import { ServiceCountsView } from './service-deliveries/service-deliveries.entity';

export const reportingEntities = [HouseholdCountsView, NeedCountsView, ServiceCountsView, SatisfactionCountsView, LoanCountsView];
