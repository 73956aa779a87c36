/**
 * Publishes the global log, in order, to a NATS JetStream stream (created if absent), one event at a time:
 * publish with the event id as `Nats-Msg-Id`, wait for JetStream's ack, then move the checkpoint in
 * PostgreSQL. Nothing is lost: the checkpoint never passes an unacknowledged event. Nothing is doubled:
 * a publish whose ack was lost is resent with the same id (JetStream drops it within its duplicate
 * window), and on every (re)connection the relay resumes after the last message the stream holds, even if
 * the checkpoint save after its ack did not happen. Only one relay of a name is active (advisory lock).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT_CONTEXT, Span, SpanKind, trace } from '@opentelemetry/api';
import { contextOf, headersOf } from '@libs/observability/trace-context';
import { inSpan } from '@libs/observability/tracing';
import { connect, headers, JetStreamClient, JetStreamManager, NatsConnection, nanos, StorageType } from 'nats';
import { DataSource } from 'typeorm';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { formatPosition, isAfter, parsePosition, Position } from '../event-store/position';
import { toPublicEvent } from '../redaction/public-event';
import { later, loadRelayCheckpoint, saveRelayCheckpoint } from './checkpoint';
import { CITY_PLACE, SUBJECT_ROOT, subjectOf } from './subjects';
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
export const POSITION_HEADER = 'Family-Ledger-Position';
const DUPLICATE_WINDOW_MS = 2 * 60_000;
const STREAM_NOT_FOUND = 10059;

export type RelayStatus = 'starting' | 'connecting' | 'standby' | 'relaying' | 'stopped';

export class NatsRelay {
  status: RelayStatus = 'starting';
  /** Counters since start: events JetStream stored, and re-sends it recognised as duplicates. */
  readonly counts = { published: 0, duplicates: 0, retries: 0 };
  private stopping = false;
  private running?: Promise<void>;
  private connection?: NatsConnection;
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
          await sleep(1000);
          continue;
        }
        this.status = 'connecting';
        this.connection = await connect({
          servers: this.options.servers,
          name: `family-ledger-relay-${this.name}`,
          waitOnFirstConnect: true,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 250,
        });
        const lastInStream = await this.prepareStream(await this.connection.jetstreamManager());
        await this.follow(this.connection.jetstream(), lastInStream);
      } catch (error) {
        if (!this.stopping) {
          this.options.onError?.(error);
          await sleep(500);
        }
      } finally {
        await this.connection?.close().catch(() => undefined);
        this.connection = undefined;
        // release() hands the connection back to the pool with its session (and a session lock) alive: unlock
        // explicitly, or a standby relay never takes over (a dead process's session ends anyway).
        if (locked) await lock.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey(this.name)]).catch(() => undefined);
        await lock.release().catch(() => undefined);
      }
    }
  }

  /** Creates the stream if absent; returns the log position of the last event it holds, if any. */
  private async prepareStream(jsm: JetStreamManager): Promise<Position | undefined> {
    try {
      const info = await jsm.streams.info(this.stream);
      if (info.state.last_seq === 0) return undefined;
      const last = await jsm.streams.getMessage(this.stream, { seq: info.state.last_seq });
      const text = last.header?.get(POSITION_HEADER);
      return text ? parsePosition(text) : undefined;
    } catch (error) {
      if ((error as { api_error?: { err_code?: number } }).api_error?.err_code !== STREAM_NOT_FOUND) throw error;
      await jsm.streams.add({
        name: this.stream,
        subjects: [`${SUBJECT_ROOT}.>`],
        storage: StorageType.File,
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      });
      return undefined;
    }
  }

  private async follow(js: JetStreamClient, lastInStream: Position | undefined): Promise<void> {
    const checkpoint = await loadRelayCheckpoint(this.db, this.name);
    const from = later(checkpoint, lastInStream);
    if (from && (!checkpoint || isAfter(from, checkpoint))) await saveRelayCheckpoint(this.db, this.name, from, 0);
    const subscription = this.store.subscribeToAll({ fromPosition: from ?? 'start' });
    this.closeSubscription = () => subscription.close();
    this.status = 'relaying';
    for await (const event of subscription) {
      if (this.stopping) break;
      await this.publishUntilAcked(js, event);
      await saveRelayCheckpoint(this.db, this.name, event.position);
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
        await sleep(Math.min(this.options.maxRetryMs ?? 1000, 25 * 2 ** attempt));
      }
    }
  }
}

function lockKey(relayName: string): string {
  return `relay:${relayName}`;
}
