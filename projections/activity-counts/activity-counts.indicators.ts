/** The indicators answered from activity-counts (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';

const ACTIVITY = { kind: 'kind', focusArea: 'focus_area', department: 'department_code' };
const common = {
  readModel: 'activity-counts',
  table: 'activity_counts',
  dimensions: ACTIVITY,
  periodGrain: 'month' as const,
  aggregation: 'flow' as const,
};

export const activityCountsIndicators: readonly Indicator[] = [
  countIndicator({
    ...common,
    name: 'activities-held',
    title: 'Group activities held',
    unit: 'activities',
    description:
      'Group activities held (trainings, lectures, outreach, three-checks rounds, meetings, volunteer days), by the month held, cancelled ones taken out.',
    numerator: { label: 'activities held', sql: 'sum(activities)' },
  }),
  countIndicator({
    ...common,
    name: 'activity-sessions',
    title: 'Sessions of group activities',
    unit: 'sessions',
    description: 'Sessions held by group activities.',
    numerator: { label: 'sessions', sql: 'sum(sessions)' },
  }),
  countIndicator({
    ...common,
    name: 'activity-attendance',
    title: 'Attendance at group activities',
    unit: 'attendances',
    description: 'Attendances (people counted at each activity; one person at two activities counts twice).',
    numerator: { label: 'attendances', sql: 'sum(attendance)' },
  }),
  countIndicator({
    ...common,
    name: 'activity-cost',
    title: 'Cost of group activities',
    unit: 'fen',
    description: 'What the activities cost, in fen.',
    numerator: { label: 'cost (fen)', sql: 'sum(cost_fen)' },
  }),
  countIndicator({
    ...common,
    name: 'outreach-materials',
    title: 'Outreach materials put up',
    unit: 'materials',
    description: 'Boards, walls, billboards and light boxes put up for activities, as counts.',
    numerator: { label: 'materials', sql: 'sum(boards + walls + billboards + light_boxes)' },
    extras: { boards: 'sum(boards)', walls: 'sum(walls)', billboards: 'sum(billboards)', lightBoxes: 'sum(light_boxes)' },
  }),
];
