import { Module } from '@nestjs/common';
import { EventSchemasController } from './event-schemas.controller';

@Module({ controllers: [EventSchemasController] })
export class EventSchemasModule {}
