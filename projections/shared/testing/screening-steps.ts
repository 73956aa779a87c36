/**
 * Random but valid screening histories for the property tests (campaign-generator.ts): each call either
 * registers a record or takes one step its decider would accept (counselling only after a finding, taken
 * only after offered, nothing after the outcome or an erasure).
 */
import { randomUUID } from 'node:crypto';
import { JsonObject } from '@libs/event-store';

export interface ScreeningRecord {
  id: string;
  villageCode: string;
  highRisk: boolean;
  offered: boolean;
  counselled: boolean;
}

type Emitted = { stream: string; type: string; data: JsonObject; occurredAt: string };

const VILLAGES = ['640104001001', '640104002001', '640105001001', '640181002003'];

export function screeningStep(r: () => number, open: ScreeningRecord[], events: Emitted[], occurredAt: string): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const on = `2012-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
  const emit = (s: ScreeningRecord, type: string, data: JsonObject = {}) =>
    events.push({ stream: `screening-${s.id}`, type, data: { screeningId: s.id, villageCode: s.villageCode, ...data }, occurredAt });
  const record = open.length > 0 && r() < 0.7 ? pick(open) : undefined;
  if (!record) {
    const fresh = { id: randomUUID(), villageCode: pick(VILLAGES), highRisk: false, offered: false, counselled: false };
    open.push(fresh);
    emit(fresh, 'ScreeningSubjectRegistered', { subjectKind: 'pregnant-woman', person: { name: 'Generated', idNumber: '1' } });
    return;
  }
  const roll = r();
  if (roll < 0.3) emit(record, pick(['FiveItemTestDone', 'TwoItemScreeningDone']), { on, result: 'normal' });
  else if (roll < 0.5 && !record.highRisk) {
    emit(record, 'HighRiskFound', { on, finding: 'generated' });
    record.highRisk = true;
  } else if (roll < 0.7 && record.highRisk && !record.offered) {
    emit(record, 'GeneticCounsellingOffered', { on });
    record.offered = true;
  } else if (roll < 0.85 && record.offered && !record.counselled) {
    emit(record, 'GeneticCounsellingTaken', { on, advice: 'generated' });
    record.counselled = true;
  } else {
    if (r() < 0.5) emit(record, 'ScreeningOutcomeRecorded', { on, outcome: 'healthy-birth' });
    else emit(record, 'ScreeningPersonErased', { legalBasis: 'consent-withdrawn' });
    open.splice(open.indexOf(record), 1);
  }
}
