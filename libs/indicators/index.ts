/**
 * The indicator engine: what an indicator is, the common count-table indicator (rolled up by org-unit
 * level, per period, per dimension, with a Wilson interval where asked, and the distinct households behind
 * cells that count events), the district rollup of a count table, request parsing, answering from a read
 * model's active copy, and the catalogue. Each read model keeps its own definitions in its folder under
 * projections/.
 */
export * from './catalogue';
export * from './count-indicator';
export * from './definitions';
export * from './distinct-households';
export * from './district-rollup';
export * from './household-bound';
export * from './indicator-request';
export * from './indicator-service';
export * from './org-unit-path';
export * from './suppressed-answer';
export * from './wilson';
