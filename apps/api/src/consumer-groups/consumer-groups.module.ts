import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsumerGroups } from '@libs/consumer-groups';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ConsumerGroupsController } from './consumer-groups.controller';

@Module({
  controllers: [ConsumerGroupsController],
  providers: [
    {
      provide: ConsumerGroups,
      inject: [DataSource, EVENT_STORE],
      useFactory: (db: DataSource, store: EventStore) => new ConsumerGroups(db, store),
    },
  ],
})
export class ConsumerGroupsModule {}
