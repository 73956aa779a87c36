/**
 * The log for other services: `GET /feed` as Server-Sent Events (history from a position, then live),
 * `GET /feed/events` as JSON pages for consumers that poll. Both strip personal fields (libs/redaction)
 * unless the caller may receive them (a subscriber with the `pii` scope, an auditor, an admin).
 */
import { Controller, Get, Headers, Inject, Injectable, Query, Req, Res } from '@nestjs/common';
import { Response } from 'express';
import { EVENT_STORE, EventStore, formatPosition } from '@libs/event-store';
import { mayReceivePersonalFields } from '@libs/personal-data';
import { toPublicEvent } from '@libs/redaction';
import { AuthenticatedRequest } from '../auth/access.guard';
import { FEED_OPTIONS, FeedOptions } from './feed-options';
import { parseFeedQuery, parseLimit, RawQuery } from './feed-query';
import { FeedEnd, streamFeed } from './feed-stream';
import { FeedSubscription } from './feed-subscription';
import { LiveHub } from './live-hub';

/** Counts open SSE streams, so a test (and later a gauge) can see a closed request release its subscription. */
@Injectable()
export class FeedSessions {
  active = 0;
  readonly ended: Record<FeedEnd, number> = { 'client-closed': 0, 'cut-off': 0, failed: 0 };
}

@Controller('feed')
export class FeedController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FEED_OPTIONS) private readonly options: FeedOptions,
    private readonly sessions: FeedSessions,
    private readonly hub: LiveHub,
  ) {}

  @Get()
  async stream(
    @Query() query: RawQuery, @Headers('last-event-id') lastEventId: string | undefined, @Req() request: AuthenticatedRequest, @Res() response: Response,
  ): Promise<void> {
    const { from, filter } = parseFeedQuery(query, lastEventId || undefined);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    this.sessions.active += 1;
    try {
      const subscription = new FeedSubscription(this.store, this.hub, { from, filter, maxQueued: this.options.maxQueuedEvents });
      const end = await streamFeed(response, subscription, this.options, mayReceivePersonalFields(request.principal));
      this.sessions.ended[end] += 1;
    } finally {
      this.sessions.active -= 1;
    }
  }

  /** A page strictly after `from`; `next` is the position to ask from next time, null when nothing was found. */
  @Get('events')
  async page(@Query() query: RawQuery, @Req() request: AuthenticatedRequest) {
    const personal = mayReceivePersonalFields(request.principal);
    const { from, filter } = parseFeedQuery(query);
    const events = await this.store.readAll({ fromPosition: from, maxCount: parseLimit(query), filter });
    return {
      events: events.map((event) => toPublicEvent(event, { personal })),
      next: events.length > 0 ? formatPosition(events[events.length - 1].position) : null,
    };
  }
}
