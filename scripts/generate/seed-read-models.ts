/**
 * The read models the seed's figures are read from (test/seed-figures.e2e.spec.ts, read-figures.ts): only
 * these need to be current to check a generated city, so only these are projected beside a bulk load. The
 * loan register answers the borrowers (distinct households), which the portfolio's counts cannot.
 */
export const SEED_FIGURE_READ_MODELS = [
  'category-counts',
  'satisfaction-rates',
  'loan-portfolio',
  'loan-register',
  'activity-counts',
] as const;
