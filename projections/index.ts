/** Every projection the projector runs. */
import { Projection } from '@libs/projection/projection';
import { categoryCountsProjection } from './category-counts/category-counts.projection';
import { loanPortfolioProjection } from './loan-portfolio/loan-portfolio.projection';
import { needsStatusProjection } from './needs-status/needs-status.projection';
import { satisfactionRatesProjection } from './satisfaction-rates/satisfaction-rates.projection';
import { serviceDeliveriesProjection } from './service-deliveries/service-deliveries.projection';
import { caseAuditTrailProjection } from './case-audit-trail/case-audit-trail.projection';
import { supervisionComplianceProjection } from './supervision-compliance/supervision-compliance.projection';
import { householdRegisterProjection } from './household-register/household-register.projection';
import { loanRegisterProjection } from './loan-register/loan-register.projection';

export const projections: readonly Projection[] = [
  categoryCountsProjection, needsStatusProjection, serviceDeliveriesProjection, satisfactionRatesProjection, loanPortfolioProjection,
  caseAuditTrailProjection, supervisionComplianceProjection, householdRegisterProjection, loanRegisterProjection,
];
