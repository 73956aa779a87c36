import { ReferenceData } from '../../reference-data/reference-data';
import { localDateOf } from '../../calendar';
import { FOCUS_AREAS } from '../household/events';
import { isCalendarDate, rule } from '../shared';
import { CancelActivity, CorrectActivity, HoldActivity, ActivityCommand } from './commands';
import { ACTIVITY_KINDS, ActivityEvent, ActivityFacts } from './events';
import { ActivityState } from './state';

export function decideActivity(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  switch (command.type) {
    case 'HoldActivity':
      return hold(command, state);
    case 'CorrectActivity':
      return correct(command, state);
    case 'CancelActivity':
      return cancel(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

const blank = (text: string) => text.trim().length === 0;
const count = (n: number) => Number.isSafeInteger(n) && n >= 0;

function hold(command: HoldActivity, state: ActivityState): ActivityEvent[] {
  rule(state.status === 'NotHeld', 'activity-already-recorded', `activity ${command.data.activityId} is already recorded`);
  rule(!blank(command.data.reason), 'reason-required', 'recording an activity must say on what basis (a plan, a report)', 'invalid');
  const facts = factsOf(command.data);
  checkFacts(facts, command.metadata.occurredAt);
  return [{ type: 'GroupActivityHeld', data: { activityId: command.data.activityId, reason: command.data.reason, ...facts } }];
}

function correct(command: CorrectActivity, state: ActivityState): ActivityEvent[] {
  rule(state.status !== 'NotHeld', 'activity-not-found', `activity ${command.data.activityId} is not recorded`, 'not-found');
  rule(state.status === 'Held', 'activity-cancelled', `activity ${command.data.activityId} was cancelled`);
  rule(!blank(command.data.reason), 'reason-required', 'a correction must say why', 'invalid');
  const before = factsOf(state);
  const after = { ...before, ...definedOnly(command.data.changes), materials: { ...before.materials, ...command.data.changes.materials } };
  checkFacts(after, command.metadata.occurredAt);
  // Access is scoped by where the activity was held, read from its first event: moving it is a cancellation and a new record.
  rule(
    after.orgUnitCode === before.orgUnitCode,
    'org-unit-not-correctable',
    'an activity held elsewhere is cancelled and recorded anew',
    'invalid',
  );
  rule(JSON.stringify(after) !== JSON.stringify(before), 'correction-changes-nothing', 'a correction must change something', 'invalid');
  return [{ type: 'GroupActivityCorrected', data: { activityId: command.data.activityId, reason: command.data.reason, before, after } }];
}

function cancel(command: CancelActivity, state: ActivityState): ActivityEvent[] {
  rule(state.status !== 'NotHeld', 'activity-not-found', `activity ${command.data.activityId} is not recorded`, 'not-found');
  rule(state.status === 'Held', 'activity-cancelled', `activity ${command.data.activityId} was already cancelled`);
  rule(!blank(command.data.reason), 'reason-required', 'a cancellation must say why', 'invalid');
  return [
    { type: 'GroupActivityCancelled', data: { activityId: command.data.activityId, reason: command.data.reason, before: factsOf(state) } },
  ];
}

function factsOf(source: ActivityFacts): ActivityFacts {
  const { kind, focusArea, orgUnitCode, departmentCode, heldOn, sessions, attendance, costFen, materials } = source;
  return { kind, focusArea, orgUnitCode, departmentCode, heldOn, sessions, attendance, costFen, materials: { ...materials } };
}

function definedOnly(changes: Partial<ActivityFacts>): Partial<ActivityFacts> {
  return Object.fromEntries(Object.entries(changes).filter(([key, value]) => value !== undefined && key !== 'materials'));
}

function checkFacts(facts: ActivityFacts, occurredAt: string): void {
  rule(
    (ACTIVITY_KINDS as readonly string[]).includes(facts.kind),
    'invalid-activity-kind',
    `unknown activity kind ${facts.kind}`,
    'invalid',
  );
  rule(
    (FOCUS_AREAS as readonly string[]).includes(facts.focusArea),
    'invalid-focus-area',
    `unknown focus area ${facts.focusArea}`,
    'invalid',
  );
  rule(
    Number.isSafeInteger(facts.sessions) && facts.sessions >= 1 && facts.sessions <= 10_000,
    'invalid-sessions',
    'sessions must be a whole number from 1 to 10000',
    'invalid',
  );
  rule(
    count(facts.attendance) && facts.attendance <= 10_000_000,
    'invalid-attendance',
    'attendance must be a whole number from 0 to 10000000',
    'invalid',
  );
  rule(count(facts.costFen), 'invalid-cost', 'cost is a whole number of fen, not negative', 'invalid');
  const materials = Object.values(facts.materials);
  rule(
    materials.length === 4 && materials.every(count),
    'invalid-materials',
    'materials are whole, non-negative counts of boards, walls, billboards and light boxes',
    'invalid',
  );
  rule(isCalendarDate(facts.heldOn), 'invalid-held-on', `heldOn ${facts.heldOn} is not a date (YYYY-MM-DD)`, 'invalid');
  const today = localDateOf(occurredAt);
  const todayText = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  rule(facts.heldOn <= todayText, 'held-on-in-future', `an activity held on ${facts.heldOn} cannot be recorded on ${todayText}`, 'invalid');
}

/** Stateless check of the codes a command names against the reference data (a 400 naming the value). */
export function validateActivityReferences(facts: Partial<ActivityFacts>, reference: ReferenceData): void {
  if (facts.orgUnitCode !== undefined)
    rule(reference.level(facts.orgUnitCode) !== undefined, 'unknown-org-unit', `unknown org unit ${facts.orgUnitCode}`, 'invalid');
  if (facts.departmentCode !== undefined)
    rule(
      reference.department(facts.departmentCode) !== undefined,
      'unknown-department',
      `unknown department ${facts.departmentCode}`,
      'invalid',
    );
}
