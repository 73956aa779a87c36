/**
 * The assessment of districts and departments (the scorecard): schemes as versioned reference data, checked
 * whole; scoring as pure functions (points by rule, bimonths, years, ranks, changes); the periods scored.
 * Gathering the measured values from the read models is projections/scorecard's.
 */
export * from './periods';
export * from './rank';
export * from './scheme';
export * from './scheme-store';
export * from './score';
export * from './validate-scheme';
