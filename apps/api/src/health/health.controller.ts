import { Controller, Get, Header, HttpStatus, Inject, Res } from '@nestjs/common';
import { Response } from 'express';
import { projectionLags } from '@libs/projection/lag';
import { projections } from '@projections/index';
import { Runtime } from '../bootstrap/runtime';
import { RUNTIME } from '../tokens';
import { ApiOkResponse, ApiProduces, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { HealthAnswer } from './answers.dto';

@Controller()
export class HealthController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  /** Liveness and readiness: the database answers, and how far each projection is behind the log (read
   * from the raw store: counting events needs no decryption of their personal fields). */
  @Get('health')
  @ApiOkResponse({ type: HealthAnswer })
  @ApiServiceUnavailableResponse({ description: 'The database or the event store does not answer' })
  async health(@Res() response: Response): Promise<void> {
    try {
      await this.runtime.dataSource.query('SELECT 1');
      const lags = await projectionLags(projections, this.runtime.rawEventStore, this.runtime.dataSource, this.runtime.clock.now());
      response.status(HttpStatus.OK).json({ status: 'ok', database: 'up', eventStore: 'up', projections: lags });
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).type('application/problem+json')
        .send(JSON.stringify({ type: 'https://family-ledger.dev/problems/unavailable', title: 'Service Unavailable', status: 503, code: 'unavailable', database: 'down' }));
    }
  }

  /** Prometheus metrics: HTTP latency, appends, projection lag. */
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiProduces('text/plain')
  async metrics(): Promise<string> {
    const { metrics } = this.runtime;
    const lags = await projectionLags(projections, this.runtime.rawEventStore, this.runtime.dataSource, this.runtime.clock.now()).catch(() => []);
    for (const lag of lags) {
      metrics.projectionLagEvents.set({ projection: lag.projection }, lag.eventsBehind);
      metrics.projectionLagSeconds.set({ projection: lag.projection }, lag.secondsBehind);
    }
    return metrics.registry.metrics();
  }
}
