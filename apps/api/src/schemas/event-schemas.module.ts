import { Module } from '@nestjs/common';
import { AsyncApiController } from './asyncapi.controller';
import { EventSchemasController } from './event-schemas.controller';

@Module({ controllers: [EventSchemasController, AsyncApiController] })
export class EventSchemasModule {}
