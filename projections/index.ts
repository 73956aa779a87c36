/**
 * The one list of read models. The projector and the rebuild run `projections`, the database is opened with
 * `databaseSchema` (their reporting views' entities and the read models' migrations beside the libs' own),
 * and the analyst API answers from `catalogue`. A read model is one folder (README.md in each).
 */
import { DatabaseSchema } from '@libs/database/data-source';
import { libMigrations } from '@libs/database/migrations';
import { Indicator, indicatorCatalogue } from '@libs/indicators';
import { Projection } from '@libs/projection/projection';
import { activityCountsIndicators } from './activity-counts/activity-counts.indicators';
import { activityCountsProjection } from './activity-counts/activity-counts.projection';
import { caseAuditTrailProjection } from './case-audit-trail/case-audit-trail.projection';
import { HouseholdCountsView } from './category-counts/category-counts.entity';
import { categoryCountsIndicators } from './category-counts/category-counts.indicators';
import { categoryCountsProjection } from './category-counts/category-counts.projection';
import { householdRegisterProjection } from './household-register/household-register.projection';
import { LoanCountsView } from './loan-portfolio/loan-portfolio.entity';
import { loanPortfolioIndicators } from './loan-portfolio/loan-portfolio.indicators';
import { loanPortfolioProjection } from './loan-portfolio/loan-portfolio.projection';
import { loanRegisterProjection } from './loan-register/loan-register.projection';
import { readModelMigrations } from './migrations';
import { NeedCountsView } from './needs-status/needs-status.entity';
import { needsStatusIndicators } from './needs-status/needs-status.indicators';
import { needsStatusProjection } from './needs-status/needs-status.projection';
import { SatisfactionCountsView } from './satisfaction-rates/satisfaction-rates.entity';
import { satisfactionRatesIndicators } from './satisfaction-rates/satisfaction-rates.indicators';
import { satisfactionRatesProjection } from './satisfaction-rates/satisfaction-rates.projection';
import { screeningCountsIndicators } from './screening-counts/screening-counts.indicators';
import { screeningCountsProjection } from './screening-counts/screening-counts.projection';
import { ServiceCountsView } from './service-deliveries/service-deliveries.entity';
import { serviceDeliveriesIndicators } from './service-deliveries/service-deliveries.indicators';
import { serviceDeliveriesProjection } from './service-deliveries/service-deliveries.projection';
import { supportPaymentsIndicators } from './support-payments/support-payments.indicators';
import { supportPaymentsProjection } from './support-payments/support-payments.projection';
import { supervisionComplianceProjection } from './supervision-compliance/supervision-compliance.projection';
import { supervisionTermsProjection } from './supervision-terms/supervision-terms.projection';

export { readModelMigrations } from './migrations';

/** Everything one read model brings, from its folder. */
export interface ReadModel {
  projection: Projection;
  /** What the analyst API answers from it (`GET /indicators`), in this order. */
  indicators?: readonly Indicator[];
  /** TypeORM entities of its `reporting` views (read-only; the views come from its definition). */
  reportingEntities?: readonly Function[];
}

export const readModels: readonly ReadModel[] = [
  { projection: categoryCountsProjection, indicators: categoryCountsIndicators, reportingEntities: [HouseholdCountsView] },
  { projection: needsStatusProjection, indicators: needsStatusIndicators, reportingEntities: [NeedCountsView] },
  { projection: serviceDeliveriesProjection, indicators: serviceDeliveriesIndicators, reportingEntities: [ServiceCountsView] },
  { projection: satisfactionRatesProjection, indicators: satisfactionRatesIndicators, reportingEntities: [SatisfactionCountsView] },
  { projection: loanPortfolioProjection, indicators: loanPortfolioIndicators, reportingEntities: [LoanCountsView] },
  { projection: activityCountsProjection, indicators: activityCountsIndicators },
  { projection: screeningCountsProjection, indicators: screeningCountsIndicators },
  { projection: supportPaymentsProjection, indicators: supportPaymentsIndicators },
  { projection: caseAuditTrailProjection },
  { projection: supervisionComplianceProjection },
  { projection: supervisionTermsProjection },
  { projection: householdRegisterProjection },
  { projection: loanRegisterProjection },
];

/** Every projection the projector runs. */
export const projections: readonly Projection[] = readModels.map((model) => model.projection);

/** The projections behind the analyst's indicators. */
export const indicatorProjections: readonly Projection[] = readModels.filter((model) => model.indicators).map((model) => model.projection);

/** The analyst API's indicators, every read model's in the order above. */
export const catalogue = indicatorCatalogue(readModels.flatMap((model) => model.indicators ?? []));

export const reportingEntities: readonly Function[] = readModels.flatMap((model) => model.reportingEntities ?? []);

/** What whoever opens the database passes (libs/database's openDatabase): every migration and entity. */
export const databaseSchema: DatabaseSchema = { migrations: [...libMigrations, ...readModelMigrations], entities: [...reportingEntities] };
