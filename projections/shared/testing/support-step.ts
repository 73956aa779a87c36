/**
 * Support steps for the random campaign histories (./campaign-generator.ts): a grant to an active household,
 * or a delivery, return or reversal of a grant, each one the support decider would accept.
 */
import { randomUUID } from 'node:crypto';
import type { CampaignEvent } from './campaign-event';

export interface GeneratedSupport {
  id: string;
  householdId: string;
  programmeCode: string;
  granted: [number, number];
  delivered: [number, number];
  returned: [number, number];
}

const PROGRAMMES: [string, 'cash' | 'in-kind'][] = [
  ['award-support', 'cash'],
  ['fewer-births-prosperity', 'cash'],
  ['donated-wheelchairs', 'in-kind'],
];

/** `r` is the step's own random source, so adding support steps leaves the other steps' draws unchanged. */
export function supportStep(
  r: () => number,
  households: readonly { id: string; category: string; active: boolean }[],
  supports: GeneratedSupport[],
  events: CampaignEvent[],
): void {
  if (r() >= 0.3) return;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const occurredAt = `2012-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-20T02:00:00.000Z`;
  const active = households.filter((h) => h.active);
  const open = supports.length > 0 && r() < 0.6 ? pick(supports) : undefined;
  if (!open) {
    if (active.length === 0) return;
    const h = pick(active);
    const [programmeCode, form] = pick(PROGRAMMES);
    const granted: [number, number] =
      form === 'cash' ? [10_000 * (1 + Math.floor(r() * 20)), 0] : [Math.floor(r() * 3) * 50_000, 1 + Math.floor(r() * 2)];
    const support = {
      id: randomUUID(),
      householdId: h.id,
      programmeCode,
      granted,
      delivered: [0, 0],
      returned: [0, 0],
    } as GeneratedSupport;
    supports.push(support);
    const data = {
      supportId: support.id,
      householdId: h.id,
      programmeCode,
      householdCategory: h.category,
      amountFen: granted[0],
      units: granted[1],
    };
    events.push({ stream: `support-${support.id}`, type: 'SupportGranted', data, occurredAt });
    return;
  }
  const ref = { supportId: open.id, householdId: open.householdId, programmeCode: open.programmeCode };
  const stream = `support-${open.id}`;
  const part = ([a, b]: [number, number], [c, d]: [number, number]): [number, number] => [
    Math.ceil((a - c) * r()),
    Math.ceil((b - d) * r()),
  ];
  const choice = r();
  if (choice < 0.5) {
    const [amountFen, units] = part(open.granted, open.delivered);
    if (amountFen + units === 0) return;
    open.delivered = [open.delivered[0] + amountFen, open.delivered[1] + units];
    events.push({ stream, type: 'SupportDelivered', data: { ...ref, amountFen, units }, occurredAt });
  } else if (choice < 0.8) {
    const [amountFen, units] = part(open.delivered, open.returned);
    if (amountFen + units === 0) return;
    open.returned = [open.returned[0] + amountFen, open.returned[1] + units];
    events.push({ stream, type: 'SupportReturned', data: { ...ref, amountFen, units, reason: 'not needed' }, occurredAt });
  } else {
    supports.splice(supports.indexOf(open), 1);
    const held = { heldFen: open.delivered[0] - open.returned[0], heldUnits: open.delivered[1] - open.returned[1] };
    const data = { ...ref, reason: 'in error', grantedFen: open.granted[0], grantedUnits: open.granted[1], ...held };
    events.push({ stream, type: 'SupportReversed', data, occurredAt });
  }
}
