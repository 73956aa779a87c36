import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK } from '@libs/clock';
import { EVENT_STORE } from '@libs/event-store';
import { Runtime } from './bootstrap/runtime';
import { EnrollHouseholdHandler } from './commands/households/enroll-household.handler';
import { HouseholdsController } from './commands/households/households.controller';
import { HealthController } from './health/health.controller';
import { IndicatorsController } from './queries/indicators/indicators.controller';
import { RUNTIME } from './tokens';

const commandHandlers = [EnrollHouseholdHandler];
const controllers = [HouseholdsController, IndicatorsController, HealthController];

@Module({})
export class AppModule {
  /** The API over a runtime opened outside Nest (database, event store), so tests and main share it. */
  static register(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: DataSource, useValue: runtime.dataSource },
        { provide: CLOCK, useValue: runtime.clock },
        ...commandHandlers,
      ],
    };
  }
}
