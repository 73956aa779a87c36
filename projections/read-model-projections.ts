/** The projections behind the analyst's indicators (the projector may run others too: see ./index.ts). */
import { Projection } from '@libs/projection/projection';
import { categoryCountsProjection } from './category-counts/category-counts.projection';
import { loanPortfolioProjection } from './loan-portfolio/loan-portfolio.projection';
import { needsStatusProjection } from './needs-status/needs-status.projection';
import { satisfactionRatesProjection } from './satisfaction-rates/satisfaction-rates.projection';
import { serviceDeliveriesProjection } from './service-deliveries/service-deliveries.projection';

export const readModelProjections: readonly Projection[] = [
  categoryCountsProjection, needsStatusProjection, serviceDeliveriesProjection, satisfactionRatesProjection, loanPortfolioProjection,
];
