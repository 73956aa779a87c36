import { Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { FeedController, FeedSessions } from './feed.controller';
import { FEED_OPTIONS, loadFeedOptions } from './feed-options';
import { LiveHub } from './live-hub';
import { EventScopes } from '@libs/event-scope';

@Module({
  controllers: [FeedController],
  providers: [
    FeedSessions,
    { provide: FEED_OPTIONS, useFactory: () => loadFeedOptions() },
    { provide: LiveHub, inject: [EVENT_STORE], useFactory: (store: EventStore) => new LiveHub(store) },
    { provide: EventScopes, inject: [EVENT_STORE], useFactory: (store: EventStore) => new EventScopes(store) },
  ],
})
export class FeedModule {}
