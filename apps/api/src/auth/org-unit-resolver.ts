/**
 * Where an aggregate named in a path sits in the org-unit tree, read from the first event of its stream
 * (a household's village, a loan's household, a case's district, a screening record's village, the org
 * unit an activity was held in). These facts never change once
 * recorded, so answers are cached. Reads the raw store: no personal field is needed, none is decrypted.
 */
import { AggregateKind } from '@libs/auth';
import { EventStore, StreamNotFoundError } from '@libs/event-store';

const CACHE_LIMIT = 20_000;

export class OrgUnitResolver {
  private readonly cache = new Map<string, string>();

  constructor(private readonly store: EventStore) {}

  /** The household's village code, or undefined when there is no such household. */
  householdVillage(householdId: string): Promise<string | undefined> {
    return this.cached(`household-${householdId}`, 'villageCode');
  }

  /** The village of the loan's household. */
  async loanVillage(loanId: string): Promise<string | undefined> {
    const householdId = await this.cached(`loan-${loanId}`, 'householdId');
    return householdId === undefined ? undefined : this.householdVillage(householdId);
  }

  /** The village of the household the support went to. */
  async supportVillage(supportId: string): Promise<string | undefined> {
    const householdId = await this.cached(`support-${supportId}`, 'householdId');
    return householdId === undefined ? undefined : this.householdVillage(householdId);
  }

  /** The org unit of an aggregate a path names, or undefined when there is no such aggregate. */
  aggregateUnit(aggregate: AggregateKind, id: string): Promise<string | undefined> {
    switch (aggregate) {
      case 'household':
        return this.householdVillage(id);
      case 'loan':
        return this.loanVillage(id);
      case 'case':
        return this.caseDistrict(id);
      case 'screening':
        // The village of residence is kept in the clear beside the encrypted person, for this look-up.
        return this.cached(`screening-${id}`, 'villageCode');
      case 'activity':
        // Where it was held, at any level; the decider refuses a correction of the org unit, so the first event's holds.
        return this.cached(`activity-${id}`, 'orgUnitCode');
      case 'support':
        return this.supportVillage(id);
      default: {
        const exhaustive: never = aggregate;
        throw new Error(`unknown aggregate ${String(exhaustive)}`);
      }
    }
  }

  caseDistrict(caseId: string): Promise<string | undefined> {
    return this.cached(`case-${caseId}`, 'districtCode');
  }

  /** The department that delivered a service to a household (not cached: the list grows). */
  async serviceDepartment(householdId: string, serviceId: string): Promise<string | undefined> {
    const events = await this.read(`household-${householdId}`);
    const delivered = events.find((event) => event.type === 'ServiceDelivered' && event.data.serviceId === serviceId);
    return typeof delivered?.data.departmentCode === 'string' ? delivered.data.departmentCode : undefined;
  }

  private async cached(stream: string, field: string): Promise<string | undefined> {
    const key = `${stream}#${field}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const [first] = await this.read(stream, 1);
    const value = first?.data[field];
    if (typeof value !== 'string') return undefined;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, value);
    return value;
  }

  private async read(stream: string, maxCount?: number) {
    // A NUL cannot be stored in PostgreSQL text, so no such stream exists; asked anyway, the server would fail
    // the query (a 500 where the id's validation, after this guard, answers 400).
    if (stream.includes('\u0000')) return [];
    try {
      return await this.store.readStream(stream, maxCount === undefined ? {} : { maxCount });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
