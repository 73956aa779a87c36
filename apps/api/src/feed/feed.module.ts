import { Module } from '@nestjs/common';
import { FeedController, FeedSessions } from './feed.controller';
import { FEED_OPTIONS, loadFeedOptions } from './feed-options';

@Module({
  controllers: [FeedController],
  providers: [FeedSessions, { provide: FEED_OPTIONS, useFactory: () => loadFeedOptions() }],
})
export class FeedModule {}
