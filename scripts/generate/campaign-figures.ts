/** The seed figures of the loans and of the campaign's activities (read-figures.ts reads the rest). */
import { AddFigure, count, Read, Row, sum, within, yuan } from './figure-answers';

/** 164 million yuan lent to 1,300-odd women and 200-odd young entrepreneurs. */
export async function loanFigures(readBody: Read, scale: number, add: AddFigure): Promise<void> {
  const read = async (path: string) => (await readBody(path)).rows ?? [];
  const principal = sum(await read('/indicators/loan-principal-granted'));
  add(
    '164 million yuan of loans',
    'loan-principal-granted',
    yuan(principal),
    within(principal, 164_000_000 * 100 * scale, 500_000 * 100 * scale),
  );
  // The report counts people ("向1300余名女性创业者、200余名创业青年"): distinct borrowing households, however
  // often each borrowed; the loans the portfolio counts must be the register's, group by group.
  const loans = await read('/indicators/loans-granted?by=borrowerGroup');
  const listed = await listLoans(readBody);
  const granted = (name: string) => sum(loans.filter((r) => r.borrowerGroup === name));
  const ofGroup = (name: string) => listed.filter((l) => l.borrowerGroup === name);
  const borrowers = (name: string) => new Set(ofGroup(name).map((l) => l.householdId)).size;
  const [women, youth] = [borrowers('woman') / scale, borrowers('youth') / scale];
  add(
    '1,300-odd women, 200-odd young entrepreneurs',
    'GET /loans (distinct households by borrowerGroup), loans-granted?by=borrowerGroup',
    `women ${count(borrowers('woman'))} (${count(granted('woman'))} loans), youth ${count(borrowers('youth'))} (${count(granted('youth'))} loans)`,
    women >= 1_300 &&
      women < 1_400 &&
      youth >= 200 &&
      youth < 300 &&
      ['woman', 'youth'].every((name) => granted(name) === ofGroup(name).length),
  );
}

/** The 22 departments and the activities the report counts. */
export async function activityFigures(read: (path: string) => Promise<Row[]>, add: AddFigure): Promise<void> {
  const departments = new Set((await read('/indicators/activities-held?by=department')).map((r) => r.department));
  const named = [
    'organisation',
    'propaganda',
    'development-reform',
    'civil-affairs',
    'education',
    'health',
    'statistics',
    'public-security',
  ];
  add(
    '22 departments, the named ones among them',
    'activities-held?by=department',
    `${departments.size} departments`,
    departments.size === 22 && named.every((d) => departments.has(d)),
  );

  const byKind = async (indicator: string) => {
    const rows = await read(`/indicators/${indicator}?by=kind`);
    return (...kinds: string[]) => sum(rows.filter((r) => kinds.includes(String(r.kind))));
  };
  const [held, attendance, cost] = await Promise.all(['activities-held', 'activity-attendance', 'activity-cost'].map(byKind));
  const outreach = ['outreach-performance', 'outreach-contest', 'street-counselling'];
  const skills = ['vocational-training', 'entrepreneurship-training'];
  const activity = (seed: string, kinds: string[], check: (h: number, a: number) => boolean) =>
    add(
      seed,
      'activities-held, activity-attendance ?by=kind',
      `${count(held(...kinds))} held, ${count(attendance(...kinds))} attendances`,
      check(held(...kinds), attendance(...kinds)),
    );
  activity('18 happiness trainings, 4,000-odd trained', ['happiness-training'], (h, a) => h === 18 && a >= 4_000 && a < 5_000);
  activity('2,341 outreach events, 1.02 million attendances', outreach, (h, a) => h === 2_341 && within(a, 1_020_000, 5_000));
  activity('1,020 "three checks" rounds, 235,000 served', ['three-checks-round'], (h, a) => h === 1_020 && within(a, 235_000, 500));
  activity('1,237 trainings and lectures, 110,000 trained', ['lecture'], (h, a) => h === 1_237 && within(a, 110_000, 5_000));
  activity('100-odd skills trainings, 10,000-odd trainees', skills, (h, a) => h >= 100 && h < 200 && a >= 10_000 && a < 20_000);
  add(
    '5.14 million yuan of outreach materials',
    'activity-cost?by=kind',
    yuan(cost(...outreach)),
    within(cost(...outreach), 5_140_000 * 100, 5_000 * 100),
  );
  const [materials] = await read('/indicators/outreach-materials');
  add(
    '1,080 boards, 1,040 walls, 20 billboards, 1,760 light boxes',
    'outreach-materials',
    `${materials?.boards}, ${materials?.walls}, ${materials?.billboards}, ${materials?.lightBoxes}`,
    materials?.boards === 1_080 && materials?.walls === 1_040 && materials?.billboards === 20 && materials?.lightBoxes === 1_760,
  );
}

/** Every loan in the loan register, a page at a time. */
async function listLoans(read: Read): Promise<Row[]> {
  const loans: Row[] = [];
  for (let cursor: string | null | undefined; ;) {
    const page = await read(`/loans?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    loans.push(...(page.loans ?? []));
    cursor = page.next;
    if (!cursor) return loans;
  }
}
