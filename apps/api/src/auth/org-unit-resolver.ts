/**
 * Where an aggregate named in a path sits in the org-unit tree: the owner its stream category declares
 * (libs/domain/stream-owner.ts), read from the log through the same EventScopes the feed uses, so the
 * guard and the subscribers cannot disagree. Reads the raw store: no personal field is needed, none is decrypted.
 */
import { AggregateKind } from '@libs/auth';
import type { StreamCategory } from '@libs/domain/event-types';
import { EventScopes } from '@libs/event-scope';
import { EventStore, StreamNotFoundError } from '@libs/event-store';

export class OrgUnitResolver {
  private readonly scopes: EventScopes;

  constructor(private readonly store: EventStore) {
    this.scopes = new EventScopes(store);
  }

  /** The household's village code, or undefined when there is no such household. */
  householdVillage(householdId: string): Promise<string | undefined> {
    return this.aggregateUnit('household', householdId);
  }

  /** The org unit of an aggregate a path names, or undefined when there is no such aggregate. */
  aggregateUnit(aggregate: AggregateKind, id: string): Promise<string | undefined> {
    const category: StreamCategory = aggregate;
    return this.scopes.placeOfExisting(`${category}-${id}`);
  }

  /** The unit a case is about, from its opening; undefined when there is no such case. */
  async caseSubjectUnit(caseId: string): Promise<string | undefined> {
    const [opened] = await this.read(`case-${caseId}`, 1);
    return opened?.type === 'CaseOpened' && typeof opened.data.subjectUnit === 'string' ? opened.data.subjectUnit : undefined;
  }

  /** The department that delivered a service to a household (not cached: the list grows). */
  async serviceDepartment(householdId: string, serviceId: string): Promise<string | undefined> {
    const events = await this.read(`household-${householdId}`);
    const delivered = events.find((event) => event.type === 'ServiceDelivered' && event.data.serviceId === serviceId);
    return typeof delivered?.data.departmentCode === 'string' ? delivered.data.departmentCode : undefined;
  }

  private async read(stream: string, maxCount?: number) {
    if (stream.includes('\u0000')) return [];
    try {
      return await this.store.readStream(stream, maxCount === undefined ? undefined : { maxCount });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
