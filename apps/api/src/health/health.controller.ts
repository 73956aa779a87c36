import { Controller, Get, Header, HttpStatus, Inject, Res } from '@nestjs/common';
import { Response } from 'express';
import { projectionLags } from '@libs/projection/lag';
import { logHoldWarning, oldestLogHolder, operationalMetrics } from '@libs/observability';
import { projections } from '@projections/index';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@libs/clock';
import { Config } from '@libs/config';
import { EventStore } from '@libs/event-store';
import { Metrics } from '@libs/metrics';
import { CONFIG, METRICS, RAW_EVENT_STORE } from '../tokens';
import { RETRY_AFTER_SECONDS } from '../http/problem-details.filter';
import { ApiOkResponse, ApiProduces, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { HealthAnswer } from './answers.dto';

@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) private readonly metricsRegistry: Metrics,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Liveness and readiness: the database answers, how far each projection is behind the log (read from
   * the raw store: counting events needs no decryption of their personal fields), and the open transaction
   * holding the log back, with a warning (status "warn") past LOG_HOLD_WARN_SECONDS. */
  @Get('health')
  @ApiOkResponse({ type: HealthAnswer })
  @ApiServiceUnavailableResponse({ description: 'The database or the event store does not answer' })
  async health(@Res() response: Response): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      const lags = await projectionLags(projections, this.raw, this.dataSource, this.clock.now());
      // Only the log holder: the other operational gauges (group backlogs, the idempotency store's size) cost
      // reads a probe answered without a token should not trigger; /metrics refreshes them.
      const holder = await oldestLogHolder(this.dataSource);
      const warning = logHoldWarning(holder, this.config.health.logHoldWarnSeconds);
      const warnings = warning ? [warning] : [];
      response.status(HttpStatus.OK).json({
        status: warnings.length ? 'warn' : 'ok',
        database: 'up',
        eventStore: 'up',
        projections: lags,
        logHeldBackBy: holder,
        warnings,
      });
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).setHeader('Retry-After', RETRY_AFTER_SECONDS);
      response.type('application/problem+json').send(
        JSON.stringify({
          type: 'https://family-ledger.dev/problems/unavailable',
          title: 'Service Unavailable',
          status: 503,
          code: 'unavailable',
          database: 'down',
        }),
      );
    }
  }

  private operational() {
    return operationalMetrics(this.metricsRegistry.registry);
  }

  /** Prometheus metrics: HTTP latency, appends, projection lag. */
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiProduces('text/plain')
  async metrics(): Promise<string> {
    const metrics = this.metricsRegistry;
    const lags = await projectionLags(projections, this.raw, this.dataSource, this.clock.now()).catch(() => []);
    for (const lag of lags) {
      metrics.projectionLagEvents.set({ projection: lag.projection }, lag.eventsBehind);
      metrics.projectionLagSeconds.set({ projection: lag.projection }, lag.secondsBehind);
    }
    await this.operational()
      .refresh(
        this.dataSource,
        this.raw,
        projections.map((p) => p.name),
      )
      .catch(() => undefined);
    return metrics.registry.metrics();
  }
}
