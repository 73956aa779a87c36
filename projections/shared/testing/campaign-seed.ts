/**
 * A small campaign with known figures, for the indicator tests (the expected values are worked out by hand
 * in test/indicators.e2e.spec.ts). Households of township 640104001 (villages ...001 and ...002), one in
 * 640104002 and one in Xixia (640105); all enrolled for 2012.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventStore, EventToAppend, JsonObject } from '@libs/event-store';
import { Position } from '@libs/event-store/position';
import { loadRegister } from '@libs/programme-register';

export interface Seeded {
  householdIds: string[];
  personalData: string[];
  lastPosition: Position;
}

const V1 = '640104001001';
const V2 = '640104001002';

export async function seedCampaign(store: EventStore, dataSource: DataSource): Promise<Seeded> {
  const names = ['Ma Lan', 'Li Wei', 'Wang Fang', 'Zhao Min', 'Sun Li', 'Zhou Qiang', 'Wu Hua'];
  const ids = names.map(() => randomUUID());
  const [h1, h2, h3, h4, h5, h6, h7] = ids;
  let last: Position | undefined;
  const append = async (stream: string, ...events: [string, JsonObject, string][]) => {
    const toAppend: EventToAppend[] = events.map(([type, data, occurredAt]) => ({
      id: randomUUID(),
      type,
      data,
      metadata: { actor: 'seed', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
    }));
    last = (await store.appendToStream(stream, toAppend)).position;
  };
  const enrol = (i: number, villageCode: string, category: string, occurredAt: string): [string, JsonObject, string] => [
    'HouseholdEnrolled',
    {
      householdId: ids[i],
      villageCode,
      category,
      members: 3,
      head: { name: names[i], idNumber: `64010419800101${1000 + i}`, phone: `1390951${1000 + i}` },
      enrolmentYear: 2012,
      batch: 1,
    },
    occurredAt,
  ];
  const rate = (householdId: string, response: string): [string, JsonObject, string] => [
    'SatisfactionRecorded',
    { householdId, serviceId: randomUUID(), response, departmentCode: 'health', serviceTypeCode: 'health-check', focusArea: 'health' },
    '2012-03-20T02:00:00.000Z',
  ];
  const [n1, n2, l1, l2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  await append(
    `household-${h1}`,
    enrol(0, V1, 'developing', '2012-01-10T02:00:00.000Z'),
    [
      'NeedRecorded',
      { householdId: h1, needId: n1, focusArea: 'prosperity', kind: 'skills', description: 'wants to learn to drive a tractor' },
      '2012-03-01T02:00:00.000Z',
    ],
    [
      'NeedRecorded',
      { householdId: h1, needId: n2, focusArea: 'health', kind: 'health-service', description: 'asthma check' },
      '2012-03-01T02:00:00.000Z',
    ],
    [
      'ServiceDelivered',
      {
        householdId: h1,
        serviceId: randomUUID(),
        needId: n1,
        departmentCode: 'human-resources-social-security',
        serviceTypeCode: 'training',
        focusArea: 'prosperity',
        deliveredAt: '2012-03-10T02:00:00.000Z',
      },
      '2012-03-10T02:00:00.000Z',
    ],
    ['HouseholdCertified', { householdId: h1, criteriaVersion: 'v1', assessedBy: 'staff-17' }, '2012-06-01T02:00:00.000Z'],
    ...Array.from({ length: 8 }, () => rate(h1, 'satisfied')),
    rate(h1, 'neutral'),
    rate(h1, 'dissatisfied'),
    rate(h1, 'no-answer'),
    rate(h1, 'no-answer'),
  );
  await append(`household-${h2}`, enrol(1, V1, 'developing', '2012-02-20T02:00:00.000Z'), [
    'HouseholdRecategorized',
    { householdId: h2, from: 'developing', to: 'stable', reason: 'income rose' },
    '2012-05-01T02:00:00.000Z',
  ]);
  await append(
    `household-${h3}`,
    enrol(2, V1, 'elderly', '2012-03-05T02:00:00.000Z'),
    ['HouseholdCertified', { householdId: h3, criteriaVersion: 'v1', assessedBy: 'staff-17' }, '2012-06-01T02:00:00.000Z'],
    ['CertificationRevoked', { householdId: h3, criteriaVersion: 'v1', reason: 'criteria no longer met' }, '2012-07-01T02:00:00.000Z'],
  );
  await append(`household-${h4}`, enrol(3, V1, 'stable', '2012-04-01T02:00:00.000Z'));
  await append(`household-${h5}`, enrol(4, V2, 'developing', '2012-02-01T02:00:00.000Z'), rate(h5, 'satisfied'), rate(h5, 'satisfied'), [
    'HouseholdWithdrawn',
    { householdId: h5, reason: 'moved to another city' },
    '2012-04-01T02:00:00.000Z',
  ]);
  await append(`household-${h6}`, enrol(5, '640104002001', 'new-urban', '2012-05-10T02:00:00.000Z'));
  await append(`household-${h7}`, enrol(6, '640105001001', 'developing', '2012-01-15T02:00:00.000Z'));
  await append(
    `loan-${l1}`,
    [
      'LoanGranted',
      {
        loanId: l1,
        householdId: h1,
        borrowerGroup: 'woman',
        programmeCode: 'womens-micro-loan',
        principalFen: 5_000_000,
        interestSubsidyBps: 700,
        termMonths: 24,
        lender: 'Yinchuan Rural Credit Cooperative',
      },
      '2012-03-15T02:00:00.000Z',
    ],
    ['LoanRepaymentRecorded', { loanId: l1, householdId: h1, amountFen: 5_000_000, outstandingFen: 0 }, '2012-09-15T02:00:00.000Z'],
    ['LoanRepaid', { loanId: l1, householdId: h1, principalFen: 5_000_000 }, '2012-09-15T02:00:00.000Z'],
  );
  await append(
    `loan-${l2}`,
    [
      'LoanGranted',
      {
        loanId: l2,
        householdId: h4,
        borrowerGroup: 'youth',
        programmeCode: 'youth-entrepreneurship-loan',
        principalFen: 3_000_000,
        interestSubsidyBps: 500,
        termMonths: 12,
        lender: 'Bank of Ningxia',
      },
      '2012-04-15T02:00:00.000Z',
    ],
    ['LoanRepaymentRecorded', { loanId: l2, householdId: h4, amountFen: 1_000_000, outstandingFen: 2_000_000 }, '2012-06-15T02:00:00.000Z'],
    ['LoanDefaulted', { loanId: l2, householdId: h4, outstandingFen: 2_000_000, reason: 'business failed' }, '2013-01-15T02:00:00.000Z'],
  );

  // Township 640104001 chose V1 as its pilot village.
  await append(`pilotvillage-${V1}`, [
    'PilotVillageDesignated',
    { villageCode: V1, townshipCode: '640104001', designatedBy: 'township-640104001', reason: 'township decision 2012-1' },
    '2012-01-05T02:00:00.000Z',
  ]);
  await loadRegister(
    dataSource,
    'enrolment-targets',
    [
      { orgUnitCode: '640100', year: 2012, households: 70_200 },
      { orgUnitCode: '640104', year: 2012, households: 4 },
    ],
    'campaign seed',
    'test',
  );
  await loadRegister(dataSource, 'village-households', [{ orgUnitCode: V1, year: 2012, households: 20 }], 'campaign seed', 'test');
  const personalData = names.flatMap((name, i) => [name, `64010419800101${1000 + i}`, `1390951${1000 + i}`]).concat(['tractor', 'asthma']);
  return { householdIds: ids, personalData, lastPosition: last! };
}
