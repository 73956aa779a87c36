/**
 * Nest injection tokens of the ports the API's modules need, bound to the runtime by the global PortsModule
 * (app.module.ts). The event store's is EVENT_STORE (libs/event-store), the clock's CLOCK (libs/clock); the
 * database is TypeORM's DataSource and the keys are the Security class.
 */
/** The log as stored (personal fields as ciphertext): hash-chain verification, exports, scope look-ups. */
export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');
/** The process's Prometheus registry (libs/metrics). */
export const METRICS = Symbol('METRICS');
/** The settings the service was started with (libs/config). */
export const CONFIG = Symbol('CONFIG');
