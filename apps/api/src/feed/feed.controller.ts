/**
 * The log for other services: `GET /feed` as Server-Sent Events (history from a position, then live),
 * `GET /feed/events` as JSON pages for consumers that poll. Both strip personal fields (libs/redaction)
 * unless the caller may receive them (a subscriber with the `pii` scope, an auditor, an admin), and a
 * caller scoped to an org unit receives only the events of streams inside it (libs/event-scope).
 */
import { Controller, Get, Headers, Inject, Injectable, Query, Req, Res } from '@nestjs/common';
import { Response } from 'express';
import { EVENT_STORE, EventStore, formatPosition, RecordedEvent } from '@libs/event-store';
import { mayReceivePersonalFields, mayUseRestrictedData, readSealed } from '@libs/personal-data';
import { toPublicEvent } from '@libs/redaction';
import { AuthenticatedRequest } from '../auth/access.guard';
import { FEED_OPTIONS, FeedOptions } from './feed-options';
import { PAGE_PARAMETERS, parseFeedQuery, parseLimit, RawQuery } from './feed-query';
import { FeedAudience, FeedEnd, streamFeed } from './feed-stream';
import { CITY_CODE, EventScopes } from '@libs/event-scope';
import { callerScope } from '../auth/caller-scope';
import { FeedSubscription } from './feed-subscription';
import { LiveHub } from './live-hub';
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { FeedPage } from './answers.dto';
import { ReadSources } from '@libs/read-sources';
import { laterOf, logSource, minPositionOf } from '../queries/read-source';

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
    @Inject(ReadSources) private readonly sources: ReadSources,
    @Inject(FEED_OPTIONS) private readonly options: FeedOptions,
    private readonly sessions: FeedSessions,
    private readonly hub: LiveHub,
    private readonly scopes: EventScopes,
  ) {}

  /** The log as Server-Sent Events: history from a position, then live; resumes with Last-Event-ID. */
  @Get()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Server-Sent Events: `id` is the log position, `event` the event type, `data` the event as in GET /feed/events. History first, then live',
    schema: { type: 'string' },
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'A reconnecting EventSource sends the last position it saw; it takes precedence over `from`',
  })
  @FeedQueryParameters()
  async stream(
    @Query() query: RawQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { from: asked, filter } = parseFeedQuery(query, lastEventId || undefined);
    // History from the read replica when there is one, the rest and the live tail from the primary.
    const replica = asked === 'end' ? undefined : this.sources.replicaLog;
    // `end` is where the log stands before the headers go: a client that appends once it has them gets it.
    const from = asked === 'end' ? ((await this.store.headPosition()) ?? 'start') : asked;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Read-Source': replica ? 'replica' : 'primary',
    });
    response.flushHeaders();
    this.sessions.active += 1;
    try {
      const audience = this.audience(request);
      const sealed = !audience.personal;
      const options = { from, filter, replica, maxQueued: this.options.maxQueuedEvents, sealed, ownLiveReads: mayUseRestrictedData() };
      const subscription = new FeedSubscription(this.store, this.hub, options);
      const end = await streamFeed(response, subscription, this.options, audience);
      this.sessions.ended[end] += 1;
    } finally {
      this.sessions.active -= 1;
    }
  }

  /**
   * A page strictly after `from`; `next` is the position to ask from next time, null when nothing was found.
   * Read from the read replica when configured, once its copy reaches `from` and `minPosition`.
   */
  @Get('events')
  @FeedQueryParameters()
  @ApiQuery({ name: 'limit', required: false, description: 'Events per page, 1 to 1000 (default 100)' })
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description:
      'A log position the page must reflect (e.g. the `position` a command answered): read from the read replica once its copy reaches it and `from`, else from the primary; 503 `read-model-behind` when neither does within READ_REPLICA_MAX_WAIT_MS. X-Read-Source and X-Log-Position say which copy answered and its head',
  })
  async page(
    @Query() query: RawQuery,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FeedPage> {
    const personal = mayReceivePersonalFields(request.principal);
    const { from, filter } = parseFeedQuery(query, undefined, PAGE_PARAMETERS);
    const maxCount = parseLimit(query);
    // Never a copy older than what the caller has already read: its page would look like the end of the log.
    const atLeast = laterOf(typeof from === 'object' ? from : undefined, minPositionOf(query.minPosition));
    const { store } = await logSource(this.sources, atLeast, response);
    // Personal fields the caller may not receive are stripped: read them sealed, without key look-ups or decryption.
    const readPage = () => store.readAll({ fromPosition: from, maxCount, filter });
    const read = await (personal ? readPage() : readSealed(readPage));
    const events = await this.scopes.filter(read, callerScope(request));
    // The last event read, not the last returned: a scoped caller resumes after what it may not see too. From
    // `end` nothing is read: the head it stood for, or a poller asking from `end` again would never receive one;
    // `start` while the log is empty (null sent the poller back to `end`, past whatever was appended meanwhile).
    const last = read.length > 0 ? read[read.length - 1].position : from === 'end' ? await store.headPosition() : undefined;
    const next = last ? formatPosition(last) : from === 'end' ? 'start' : null;
    return { events: events.map((event) => toPublicEvent(event, { personal })), next };
  }

  private audience(request: AuthenticatedRequest): FeedAudience {
    const scope = callerScope(request);
    const within = scope === CITY_CODE ? () => true : (event: RecordedEvent) => this.scopes.within(event, scope);
    return { personal: mayReceivePersonalFields(request.principal), within };
  }
}

/** The query both feed routes read (./feed-query.ts), for the OpenAPI document. */
function FeedQueryParameters(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'from',
      required: false,
      description: 'Start strictly after this log position, or `start` (default) or `end` (live only)',
    }),
    ApiQuery({
      name: 'types',
      required: false,
      description: 'Comma-separated event types to receive (e.g. HouseholdEnrolled,ServiceDelivered)',
    }),
    ApiQuery({ name: 'streams', required: false, description: 'Comma-separated stream prefixes to receive (e.g. household-,loan-)' }),
  );
}
