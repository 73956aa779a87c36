/** Prometheus metrics of one service instance (its own registry, so test apps do not share counters). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();

  readonly appends = new Counter({
    name: 'family_ledger_appends_total',
    help: 'Appends to the event store, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'family_ledger_events_appended_total',
    help: 'Events written to the event store',
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'family_ledger_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: 'family_ledger_projection_lag_events',
    help: 'Events a projection has not applied yet',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: 'family_ledger_projection_lag_seconds',
    help: 'Age of the oldest event a projection has not applied yet',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'family_ledger_' });
  }
}
