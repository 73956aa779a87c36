import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK } from '@libs/clock';
import { EVENT_STORE } from '@libs/event-store';
import { Runtime } from './bootstrap/runtime';
import { features } from './features';
import { RUNTIME } from './tokens';

/** The ports every feature needs, bound to the runtime opened outside Nest. */
@Global()
@Module({})
class PortsModule {
  static register(runtime: Runtime): DynamicModule {
    const providers = [
      { provide: RUNTIME, useValue: runtime },
      { provide: EVENT_STORE, useValue: runtime.eventStore },
      { provide: DataSource, useValue: runtime.dataSource },
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
