/**
 * Publishes the global log, in order, to a NATS JetStream stream (created if absent), one event at a time:
 * publish with the event id as `Nats-Msg-Id`, wait for JetStream's ack, then move the checkpoint in
 * PostgreSQL. Nothing is lost: the checkpoint never passes an unacknowledged event. Nothing is doubled:
 * a publish whose ack was lost is resent with the same id (JetStream drops it within its duplicate
 * window), and on every (re)connection the relay resumes after the last message the stream holds, even if
 * the checkpoint save after its ack did not happen (or after its checkpoint, when the stream holds no last
 * message: purged, aged out, deleted). A stream deleted while the relay runs is created again. Only one relay
 * of a name is active (advisory lock). `stop()` ends the relay at any point, connection attempts included.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT_CONTEXT, Span, SpanKind, trace } from '@opentelemetry/api';
import { contextOf, headersOf } from '@libs/observability/trace-context';
import { inSpan } from '@libs/observability/tracing';
import { ErrorCode, headers, JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { connectUntilStopped } from './nats-connect';
import { ensureStream, lastPositionInStream, POSITION_HEADER } from './relay-stream';
import { DataSource } from 'typeorm';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { formatPosition, isAfter, Position } from '../event-store/position';
import { toPublicEvent } from '../redaction/public-event';
import { later, loadRelayCheckpoint, Queryable, saveRelayCheckpoint } from './checkpoint';
import { CITY_PLACE, subjectOf } from './subjects';
import { CITY_CODE, EventScopes } from '../event-scope';

export interface RelayOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  servers: string | string[];
  /** Names the checkpoint (and the lock): two relays of one name never run at once. */
  relayName?: string;
  streamName?: string;
  publishTimeoutMs?: number;
  /** Longest pause between retries of one publish. */
  maxRetryMs?: number;
  onError?: (error: unknown) => void;
}

export const DEFAULT_STREAM = 'FAMILY_LEDGER';

export type RelayStatus = 'starting' | 'connecting' | 'standby' | 'relaying' | 'stopped';

export class NatsRelay {
  status: RelayStatus = 'starting';
  /** Counters since start: events JetStream stored, and re-sends it recognised as duplicates. */
  readonly counts = { published: 0, duplicates: 0, retries: 0 };
  private stopping = false;
  /** Aborted by stop(): cuts short every pause and a pending connection attempt. */
  private readonly stopSignal = new AbortController();
  private running?: Promise<void>;
  private connection?: NatsConnection;
  private manager?: JetStreamManager;
  private closeSubscription?: () => Promise<void>;
  private readonly name: string;
  private readonly stream: string;
  private readonly encoder = new TextEncoder();

  /** Where each stream lies: the district token of its subjects. */
  private readonly scopes: EventScopes;

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly options: RelayOptions,
  ) {
    this.name = options.relayName ?? 'nats';
    this.stream = options.streamName ?? DEFAULT_STREAM;
    this.scopes = new EventScopes(store);
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    await this.closeSubscription?.();
    await this.connection?.close().catch(() => undefined);
    await this.running;
    this.status = 'stopped';
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const lock = this.db.createQueryRunner();
      let locked = false;
      try {
        await lock.connect();
        [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [lockKey(this.name)]);
        if (!locked) {
          this.status = 'standby';
          await this.pause(1000);
          continue;
        }
        this.status = 'connecting';
        this.connection = await connectUntilStopped(
          { servers: this.options.servers, name: `family-ledger-relay-${this.name}` },
          this.stopSignal.signal,
          (error) => this.options.onError?.(error),
        );
        if (!this.connection) continue; // stopped
        this.manager = await this.connection.jetstreamManager();
        const lastInStream = await lastPositionInStream(this.manager, this.stream);
        await this.follow(this.connection.jetstream(), lastInStream, lock);
      } catch (error) {
        if (!this.stopping) {
          this.options.onError?.(error);
          await this.pause(500);
        }
      } finally {
        await this.connection?.close().catch(() => undefined);
        this.connection = undefined;
        this.manager = undefined;
        // release() hands the connection back to the pool with its session (and a session lock) alive: unlock
        // explicitly, or a standby relay never takes over (a dead process's session ends anyway).
        if (locked) await lock.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey(this.name)]).catch(() => undefined);
        await lock.release().catch(() => undefined);
      }
    }
  }

  /** Sleeps, or less if stop() comes meanwhile. */
  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopSignal.signal }).catch(() => undefined);
  }

  /**
   * Saves go through `lock`, the session holding the lock: once it has ended (a dropped connection) another
   * relay of the name may be active, and this one must stop rather than go on publishing beside it.
   */
  private async follow(js: JetStreamClient, lastInStream: Position | undefined, lock: Queryable): Promise<void> {
    const checkpoint = await loadRelayCheckpoint(this.db, this.name);
    const from = later(checkpoint, lastInStream);
    if (from && (!checkpoint || isAfter(from, checkpoint))) await saveRelayCheckpoint(lock, this.name, from, 0);
    const subscription = this.store.subscribeToAll({ fromPosition: from ?? 'start' });
    this.closeSubscription = () => subscription.close();
    if (this.stopping) await subscription.close(); // stop() came before there was a subscription to close
    this.status = 'relaying';
    for await (const event of subscription) {
      if (this.stopping) break;
      await this.publishUntilAcked(js, event);
      await saveRelayCheckpoint(lock, this.name, event.position);
    }
  }

  /** Retries the same message (same msgID) until JetStream acknowledges it; the connection reconnects meanwhile. */
  private async publishUntilAcked(js: JetStreamClient, event: RecordedEvent): Promise<void> {
    const district = await this.scopes.districtOf(event);
    const subject = subjectOf(event, district === CITY_CODE ? CITY_PLACE : district);
    const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.message.id': event.id };
    const parent = contextOf(event.metadata);
    return inSpan(`publish ${subject}`, { kind: SpanKind.PRODUCER, attributes, parent }, (span) => this.publish(js, event, subject, span));
  }

  private async publish(js: JetStreamClient, event: RecordedEvent, subject: string, span: Span): Promise<void> {
    const payload = this.encoder.encode(JSON.stringify(toPublicEvent(event)));
    const messageHeaders = headers();
    messageHeaders.set(POSITION_HEADER, formatPosition(event.position));
    messageHeaders.set('Content-Type', 'application/json');
    // The publish span's context when spans are recorded; else the event's own traceparent, passed on.
    if (contextOf(event.metadata)) {
      for (const [name, value] of Object.entries(headersOf(trace.setSpan(ROOT_CONTEXT, span)))) messageHeaders.set(name, value);
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        // A try whose ack was lost may have been stored: past the duplicate window (an outage longer than it)
        // JetStream would store the re-send again, so a retry first asks the stream how far it holds the log.
        if (attempt > 0 && (await this.holds(event))) {
          this.counts.duplicates += 1;
          return;
        }
        const ack = await js.publish(subject, payload, {
          msgID: event.id,
          headers: messageHeaders,
          timeout: this.options.publishTimeoutMs ?? 2000,
          expect: { streamName: this.stream },
        });
        if (ack.duplicate) this.counts.duplicates += 1;
        else this.counts.published += 1;
        return;
      } catch (error) {
        if (this.stopping || this.connection?.isClosed()) throw error;
        this.counts.retries += 1;
        this.options.onError?.(error);
        // No responders: no stream takes the subject (deleted meanwhile?), or JetStream is not up yet.
        if ((error as { code?: string }).code === ErrorCode.NoResponders) await this.recreateStream();
        await this.pause(Math.min(this.options.maxRetryMs ?? 1000, 25 * 2 ** attempt));
      }
    }
  }

  /** True when the stream's last message is this event or a later one (it holds the log up to here). */
  private async holds(event: RecordedEvent): Promise<boolean> {
    if (!this.manager) return false;
    const last = await lastPositionInStream(this.manager, this.stream);
    return last !== undefined && !isAfter(event.position, last);
  }

  /** Creates the stream again if it is gone; any other failure is left to the publish retries. */
  private async recreateStream(): Promise<void> {
    if (!this.manager) return;
    await ensureStream(this.manager, this.stream).catch((error: unknown) => this.options.onError?.(error));
  }
}

function lockKey(relayName: string): string {
  return `relay:${relayName}`;
}
