/**
 * The group activities of the seed report (yinchuan-happy-family-2011), as the generator reproduces them:
 * each line's activities, attendance, materials and cost are exact totals, shared out over its activities.
 * City-wide figures: generated in full whatever the number of households (a few thousand events).
 */
import { FocusArea } from '../domain/household/events';
import { ActivityKind, OutreachMaterials } from '../domain/activity/events';
import { OrgUnitLevel } from '../reference-data/types';

export interface ActivityFigure {
  /** What the report calls it. */
  label: string;
  kinds: readonly ActivityKind[];
  activities: number;
  attendance: number;
  /** Sessions of one activity, [least, most]. */
  sessions: readonly [number, number];
  focusAreas: readonly FocusArea[];
  /** The departments that hold them; `all` for every department of the leading group. */
  departments: readonly string[] | 'all';
  levels: readonly OrgUnitLevel[];
  materials?: OutreachMaterials;
  /** What they cost in fen (the report gives only the outreach materials' cost). */
  costFen?: number;
}

export const ACTIVITY_FIGURES: readonly ActivityFigure[] = [
  {
    label: 'happiness training ("18 sessions, over 4,000 trained")',
    kinds: ['happiness-training'],
    activities: 18,
    attendance: 4_036,
    sessions: [1, 1],
    focusAreas: ['civility'],
    departments: ['population-family-planning'],
    levels: ['city', 'district'],
  },
  {
    label: 'outreach: performances, contests, street counselling ("2,341 times, 1.02 million attendances")',
    kinds: ['outreach-performance', 'outreach-contest', 'street-counselling'],
    activities: 2_341,
    attendance: 1_020_000,
    sessions: [1, 1],
    focusAreas: ['civility', 'birth-and-parenting'],
    departments: [
      'propaganda',
      'civilization-office',
      'culture-tourism',
      'population-family-planning',
      'womens-federation',
      'ethnic-religious-affairs',
    ],
    levels: ['township', 'village'],
    // "5.14 million yuan ... 1,080 boards, 1,040 walls, 20 billboards, 1,760 light boxes".
    materials: { boards: 1_080, walls: 1_040, billboards: 20, lightBoxes: 1_760 },
    costFen: 5_140_000 * 100,
  },
  {
    label: '"three checks" rounds ("1,020 times, serving 235,000")',
    kinds: ['three-checks-round'],
    activities: 1_020,
    attendance: 235_000,
    sessions: [1, 1],
    focusAreas: ['health'],
    departments: ['population-family-planning', 'health'],
    levels: ['village'],
  },
  {
    label: 'family-planning trainings and lectures ("1,237 sessions, 110,000 trained")',
    kinds: ['lecture'],
    activities: 1_237,
    attendance: 110_000,
    sessions: [1, 1],
    focusAreas: ['health', 'birth-and-parenting', 'civility', 'prosperity', 'social-contribution'],
    departments: 'all',
    levels: ['district', 'township'],
  },
  {
    label: 'vocational, farming and entrepreneurship trainings ("100-odd sessions, 10,000-odd trainees")',
    kinds: ['vocational-training', 'entrepreneurship-training'],
    activities: 104,
    attendance: 10_380,
    sessions: [3, 10],
    focusAreas: ['prosperity'],
    departments: [
      'human-resources-social-security',
      'agriculture',
      'womens-federation',
      'youth-league',
      'trade-unions',
      'poverty-alleviation',
    ],
    levels: ['district', 'township'],
  },
  {
    label: 'the launch ceremony ("nearly 600" attending)',
    kinds: ['launch-meeting'],
    activities: 1,
    attendance: 596,
    sessions: [1, 1],
    focusAreas: ['civility'],
    departments: ['population-family-planning'],
    levels: ['city'],
  },
];
