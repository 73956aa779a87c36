/**
 * Every read model's definition (tables and reporting views), without the projection code: what the
 * migrations create. Relative imports only: migrations run where path aliases are not mapped.
 */
import { ReadModelDefinition } from '../libs/projection/projection';
import { categoryCountsReadModel } from './category-counts/category-counts.tables';
import { loanPortfolioReadModel } from './loan-portfolio/loan-portfolio.tables';
import { needsStatusReadModel } from './needs-status/needs-status.tables';
import { satisfactionRatesReadModel } from './satisfaction-rates/satisfaction-rates.tables';
import { serviceDeliveriesReadModel } from './service-deliveries/service-deliveries.tables';

export const readModels: readonly ReadModelDefinition[] = [
  categoryCountsReadModel, needsStatusReadModel, serviceDeliveriesReadModel, satisfactionRatesReadModel, loanPortfolioReadModel,
];
