import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ReadSources } from '@libs/read-sources';
import { CLOCK } from '@libs/clock';
import { EVENT_STORE } from '@libs/event-store';
import { Security, Runtime } from '@libs/runtime';
import { features } from './features';
import { CONFIG, METRICS, RAW_EVENT_STORE } from './tokens';

/** The ports every feature needs, bound to the runtime opened outside Nest. */
@Global()
@Module({})
class PortsModule {
  static register(runtime: Runtime): DynamicModule {
    const providers = [
      { provide: EVENT_STORE, useValue: runtime.eventStore },
      { provide: RAW_EVENT_STORE, useValue: runtime.rawEventStore },
      { provide: Security, useValue: runtime.security },
      { provide: METRICS, useValue: runtime.metrics },
      { provide: CONFIG, useValue: runtime.config },
      { provide: DataSource, useValue: runtime.dataSource },
      { provide: ReadSources, useValue: runtime.readSources },
      { provide: CLOCK, useValue: runtime.clock },
    ];
    return { module: PortsModule, providers, exports: providers.map((p) => p.provide) };
  }
}

@Module({})
export class AppModule {
  /** The API over a runtime opened outside Nest (database, event store), so tests and main share it. */
  static register(runtime: Runtime): DynamicModule {
    return { module: AppModule, imports: [CqrsModule.forRoot(), PortsModule.register(runtime), ...features] };
  }
}
