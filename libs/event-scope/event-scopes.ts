/**
 * Which events a subscriber scoped to an org unit may receive: those of streams whose owner
 * (libs/domain/stream-owner.ts) is that unit or lies below it. Owners are read from the log itself (a
 * stream's first event), so the answer holds for an event appended a moment ago, with no read model to
 * wait for. They never change, so they are cached.
 */
import { ownerOfStream } from '../domain/stream-owner';
import type { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { StreamNotFoundError } from '../event-store/errors';
import { referenceData } from '../reference-data';

export const CITY_CODE = '640100';
const CACHE_LIMIT = 100_000;

/** The org unit and every unit below it: the places a caller scoped to `scope` may see. */
export function placesWithin(scope: string): string[] {
  return [scope, ...referenceData.descendants(scope).map((unit) => unit.code)];
}

export class EventScopes {
  private readonly places = new Map<string, string>();

  constructor(private readonly store: EventStore) {}

  /** The org-unit code a stream belongs to; the city's for streams that name no place. */
  async placeOf(stream: string): Promise<string> {
    return (await this.placeOfExisting(stream)) ?? CITY_CODE;
  }

  /**
   * The place of a stream that has events (and, for one a household owns, whose household has); undefined
   * otherwise. Only places found are cached: a stream missing now may be started a moment later.
   */
  async placeOfExisting(stream: string): Promise<string | undefined> {
    const cached = this.places.get(stream);
    if (cached !== undefined) return cached;
    const first = await this.first(stream);
    if (first === undefined) return undefined;
    const owner = ownerOfStream(stream, first);
    const place =
      'household' in owner
        ? await this.placeOfExisting(`household-${owner.household}`)
        : 'orgUnit' in owner && referenceData.orgUnit(owner.orgUnit)
          ? owner.orgUnit
          : CITY_CODE;
    if (place === undefined) return undefined;
    if (this.places.size >= CACHE_LIMIT) this.places.clear();
    this.places.set(stream, place);
    return place;
  }

  /** True when the event's stream lies inside `scope` (an org-unit code; the city's sees everything). */
  async within(event: Pick<RecordedEvent, 'stream'>, scope: string): Promise<boolean> {
    if (scope === CITY_CODE) return true;
    const place = await this.placeOf(event.stream);
    return place === scope || referenceData.ancestors(place).some((unit) => unit.code === scope);
  }

  /** The events of `events` inside `scope`, in their order. */
  async filter<E extends Pick<RecordedEvent, 'stream'>>(events: readonly E[], scope: string): Promise<E[]> {
    if (scope === CITY_CODE) return [...events];
    const kept: E[] = [];
    for (const event of events) if (await this.within(event, scope)) kept.push(event);
    return kept;
  }

  /** The district (or the city) an event belongs to: the relay's subject token. */
  async districtOf(event: Pick<RecordedEvent, 'stream'>): Promise<string> {
    const place = await this.placeOf(event.stream);
    const chain = [place, ...referenceData.ancestors(place).map((unit) => unit.code)];
    return chain.find((code) => referenceData.level(code) === 'district') ?? CITY_CODE;
  }

  private async first(stream: string): Promise<RecordedEvent | undefined> {
    // A NUL cannot be stored in PostgreSQL text, so no such stream exists; asked anyway, the server would fail.
    if (stream.includes('\u0000')) return undefined;
    // Any other failure propagates: an event whose place is unknown must not be judged out of scope and skipped.
    try {
      const [first] = await this.store.readStream(stream, { maxCount: 1 });
      return first;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}
