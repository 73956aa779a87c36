/** Nest injection tokens of the API's ports (the event store's is EVENT_STORE in libs/event-store). */
export const RUNTIME = Symbol('RUNTIME');
export const METRICS = Symbol('METRICS');
export const PROJECTIONS = Symbol('PROJECTIONS');
