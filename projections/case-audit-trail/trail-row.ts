/**
 * The pure part of the audit trail: what one event contributes to its row. A case event after the first
 * gets its district, unit and grounds from the case row, in SQL (case-audit-trail.projection.ts).
 */
import { CASE_EVENT_TYPES, CaseEvent } from '@libs/domain/accountability-case';
import { RESPONSIBILITY_EVENT_TYPES, ResponsibilityEvent } from '@libs/domain/responsibility';
import { monthOfInstant, SUPERVISION_EVENT_TYPES, SupervisionEvent } from '@libs/domain/supervision';
import { PERSONAL_FIELDS, stripPersonalFields } from '@libs/domain/event-types';
import { RecordedEvent } from '@libs/event-store';
import { RecordedOf } from '@libs/projection/projection';

/** The events the trail records. */
export type TrailEvent = CaseEvent | SupervisionEvent | ResponsibilityEvent;

export type Aggregate = 'case' | 'supervision' | 'responsibility';

export interface TrailRow {
  eventId: string;
  logPosition: string;
  stream: string;
  revision: string;
  aggregate: Aggregate;
  subjectId: string;
  eventType: string;
  districtCode: string | null;
  subjectUnit: string | null;
  grounds: string[];
  actor: string;
  /** The verified subject who sent the command under `actor`'s name (an administrator's X-Actor); else null. */
  authenticatedAs: string | null;
  reason: string | null;
  occurredAt: string;
  recordedAt: string;
  month: string;
  data: Record<string, unknown>;
}

export const TRAIL_EVENT_TYPES: readonly TrailEvent['type'][] = [
  ...CASE_EVENT_TYPES,
  ...SUPERVISION_EVENT_TYPES,
  ...RESPONSIBILITY_EVENT_TYPES,
];

const AGGREGATE_OF = new Map<string, Aggregate>([
  ...CASE_EVENT_TYPES.map((type) => [type, 'case'] as const),
  ...SUPERVISION_EVENT_TYPES.map((type) => [type, 'supervision'] as const),
  ...RESPONSIBILITY_EVENT_TYPES.map((type) => [type, 'responsibility'] as const),
]);

export function isCaseEvent(event: RecordedOf<TrailEvent>): event is RecordedOf<CaseEvent> {
  return AGGREGATE_OF.get(event.type) === 'case';
}

/** The row of an event, or undefined for an event of another aggregate. */
export function trailRow(event: RecordedEvent): TrailRow | undefined {
  const aggregate = AGGREGATE_OF.get(event.type);
  if (aggregate === undefined) return undefined;
  const data = event.data;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  const personal = (PERSONAL_FIELDS as Record<string, readonly string[]>)[event.type] ?? [];
  const place = placeOf(aggregate, event, text);
  return {
    eventId: event.id,
    logPosition: event.position.commit.toString(),
    stream: event.stream,
    revision: event.revision.toString(),
    aggregate,
    ...place,
    eventType: event.type,
    grounds: event.type === 'CaseOpened' ? [...(data.grounds as string[])] : [],
    actor: event.metadata.actor,
    authenticatedAs: typeof event.metadata.authenticatedAs === 'string' ? event.metadata.authenticatedAs : null,
    reason: personal.includes('reason') ? null : text('reason'),
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    month: monthOfInstant(event.metadata.occurredAt),
    data: stripPersonalFields(event.type, data) as Record<string, unknown>,
  };
}

function placeOf(aggregate: Aggregate, event: RecordedEvent, text: (key: string) => string | null) {
  switch (aggregate) {
    case 'case':
      return { subjectId: event.stream.slice('case-'.length), districtCode: text('districtCode'), subjectUnit: text('subjectUnit') };
    case 'supervision':
      return {
        subjectId: text('districtCode') ?? event.stream.slice('supervision-'.length),
        districtCode: text('districtCode'),
        subjectUnit: null,
      };
    case 'responsibility':
      return {
        subjectId: text('responsibilityId') ?? event.stream.slice('responsibility-'.length),
        districtCode: null,
        subjectUnit: text('unitCode'),
      };
  }
}
