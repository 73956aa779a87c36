/**
 * An EventStore decorator that keeps personal data encrypted in the log. On append it encrypts the
 * personal fields of each event (PERSONAL_FIELDS) with its household's data key; on every read it
 * decrypts them, or shows ERASED / RESTRICTED when the key is gone or sealed. The inner store, and so the
 * hash chain, only ever sees ciphertext: verify against `raw`, which still verifies after erasure.
 */
import { personalFieldsOf, splitPath } from '../domain/personal-fields';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store/event-store.port';
import type { Position } from '../event-store/position';
import { mapSubscription } from '../event-store/read-mapping';
import { appendToStreams } from '../event-store/append-many';
import { mayUseRestrictedData, readsSealed } from './access-context';
import { DataKeyStore, KeyState } from './data-keys';
import {
  decryptLeaf,
  encryptLeaf,
  ERASED,
  forEachPersonalLeaf,
  isCiphertext,
  keyIdOf,
  mapPersonalLeaves,
  RESTRICTED,
} from './field-crypto';

function hasPersonalFields(event: EventToAppend): boolean {
  return personalFieldsOf(event.type).some((path) => splitPath(path)[0] in event.data);
}

/** The event with its personal fields encrypted under its subject's key, found in `keys`. */
function sealWith(stream: string, event: EventToAppend, keys: ReadonlyMap<string, KeyState>): EventToAppend {
  if (!hasPersonalFields(event)) return event;
  const paths = personalFieldsOf(event.type);
  const subject = keySubjectOf(stream, event.data);
  const state = keys.get(subject);
  if (!state) throw new Error(`no data key was fetched for an event of ${stream}`);
  // After erasure the household's facts go on being recorded (a service, a withdrawal), but no new
  // personal data is kept for it: the fields are stored as erased, which is how the old ones read.
  if (state.status === 'erased') return { ...event, data: mapPersonalLeaves(event.data, paths, () => ERASED) };
  const data = mapPersonalLeaves(event.data, paths, (leaf, path) => encryptLeaf(leaf, state.key, subject, event.id, path));
  return { ...event, data };
}

/** Whose key protects an event: its household (loans name theirs), else the stream itself. */
export function keySubjectOf(stream: string, data: JsonObject): string {
  return typeof data.householdId === 'string' ? data.householdId : stream;
}

export class ProtectedEventStore implements EventStore {
  constructor(
    readonly raw: EventStore,
    private readonly keys: DataKeyStore,
  ) {}

  async appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    const sealed: EventToAppend[] = [];
    for (const event of events) sealed.push(await this.seal(stream, event));
    return this.raw.appendToStream(stream, sealed, options);
  }

  /** The keys of the whole batch fetched or created at once, then every event sealed as appendToStream seals it. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const subjects = new Set<string>();
    for (const { stream, events } of appends)
      for (const event of events) if (hasPersonalFields(event)) subjects.add(keySubjectOf(stream, event.data));
    const keys = await this.keys.getOrCreateMany(subjects);
    const sealed = appends.map((append) => ({ ...append, events: append.events.map((event) => sealWith(append.stream, event, keys)) }));
    return appendToStreams(this.raw, sealed);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.raw.readStream(stream, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.raw.readAll(options));
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return mapSubscription(this.raw.subscribeToAll(options), (event) => this.openAll([event]).then(([opened]) => opened));
  }

  headPosition(): Promise<Position | undefined> {
    return this.raw.headPosition();
  }

  close(): Promise<void> {
    return this.raw.close();
  }

  private async seal(stream: string, event: EventToAppend): Promise<EventToAppend> {
    if (!hasPersonalFields(event)) return event;
    const subject = keySubjectOf(stream, event.data);
    return sealWith(stream, event, new Map([[subject, await this.keys.getOrCreate(subject)]]));
  }

  /**
   * Decrypts a batch with one key lookup for all the households it names. The personal fields of each type are
   * looked up once per event, and only events that have some are mapped: most of a log has none.
   */
  private async openAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    if (readsSealed()) return events;
    const wanted = new Set<string>();
    const personal: { index: number; paths: readonly string[] }[] = [];
    for (let index = 0; index < events.length; index += 1) {
      const paths = personalFieldsOf(events[index].type);
      if (paths.length === 0) continue;
      personal.push({ index, paths });
      forEachPersonalLeaf(events[index].data, paths, (leaf) => {
        const id = isCiphertext(leaf) ? keyIdOf(leaf) : undefined;
        if (id) wanted.add(id);
      });
    }
    if (wanted.size === 0) return events;
    const states = await this.keys.states(wanted);
    const restrictedAllowed = mayUseRestrictedData();
    const opened = events.slice();
    for (const { index, paths } of personal) {
      const event = events[index];
      const data = mapPersonalLeaves(event.data, paths, (leaf, path) =>
        isCiphertext(leaf) ? this.openLeaf(leaf, states, event.id, path, restrictedAllowed) : leaf,
      );
      if (data !== event.data) opened[index] = { ...event, data };
    }
    return opened;
  }

  private openLeaf(leaf: string, states: Map<string, KeyState>, eventId: string, path: string, restrictedAllowed: boolean): unknown {
    const state = states.get(keyIdOf(leaf) ?? '');
    if (!state || state.status === 'erased') return ERASED;
    if (state.status === 'restricted' && !restrictedAllowed) return RESTRICTED;
    try {
      return decryptLeaf(leaf, state.key, eventId, path);
    } catch {
      // A ciphertext that fails authentication was altered or moved; its content is not to be trusted.
      return ERASED;
    }
  }
}
