/**
 * `node dist/scripts/generate/read-figures.js [--url http://127.0.0.1:3000] [--scale 1]` with a token in
 * FAMILY_LEDGER_TOKEN: reads every seed figure of a generated city back from a running service's
 * `GET /indicators/...` and, for the borrowers, the loan register's `GET /loans` (the checks
 * test/seed-figures.e2e.spec.ts applies at a hundredth of full size), and prints
 * them as a Markdown table (seed figure, indicator, the API's answer, whether it holds to the report's
 * rounding). `--scale` is the generation's `--households` over 70,200. Exits 1 when a figure does not hold.
 */
import { parseArgs } from 'node:util';
import { describeError } from '../../libs/errors/describe-error';

type Row = Record<string, number | string | null>;
/** An answer's body: an indicator's `rows`, or a page of the loan register (`loans`, `next`). */
export interface Body {
  rows?: Row[];
  loans?: Row[];
  next?: string | null;
}
type Read = (path: string) => Promise<Body>;

export interface FigureAnswer {
  seed: string;
  indicator: string;
  answer: string;
  holds: boolean;
}

const sum = (rows: Row[], field = 'numerator') => rows.reduce((total, r) => total + Number(r[field] ?? 0), 0);
const percent = (value: unknown) => `${(Number(value) * 100).toFixed(1)}%`;
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const yuan = (fen: number) => `${count(fen / 100)} yuan`;
const within = (actual: number, target: number, tolerance: number) => Math.abs(actual - target) <= tolerance;

/** How many figures `readSeedFigures` answers (the report's, one line each). */
export const SEED_FIGURES = 19;

/**
 * Every seed figure with the report's rounding as its tolerance (scaled where a figure scales with the
 * households): test/seed-figures.e2e.spec.ts holds a hundredth-size city to it, `main` a running service.
 */
export async function readSeedFigures(readBody: Read, scale: number): Promise<FigureAnswer[]> {
  const read = async (path: string) => (await readBody(path)).rows ?? [];
  const answers: FigureAnswer[] = [];
  const add = (seed: string, indicator: string, answer: string, holds: boolean) => answers.push({ seed, indicator, answer, holds });

  const years = ['2012', '2013', '2014', '2015'];
  const enrolled = await Promise.all(years.map((year) => read(`/indicators/households-enrolled?pe=${year}`)));
  const first = Number(enrolled[0][0]?.numerator ?? 0) + Number(enrolled[0][0]?.withdrawn ?? 0);
  add(
    '70,200 households enrolled in 2012',
    'households-enrolled?pe=2012 (active + withdrawn)',
    `${count(Number(enrolled[0][0]?.numerator ?? 0))} + ${count(Number(enrolled[0][0]?.withdrawn ?? 0))} = ${count(first)}`,
    first === Math.round(70_200 * scale),
  );
  const later = enrolled.slice(1).map((rows) => sum(rows) + sum(rows, 'withdrawn'));
  add(
    'later cohorts in 2013-2015',
    'households-enrolled?pe=2013 ... 2015',
    later.map((n, i) => `${years[i + 1]}: ${count(n)}`).join(', '),
    later.every((n) => n > 0),
  );
  const [target] = await read('/indicators/enrolment-vs-target?pe=2012');
  add(
    'the 2012 target of 70,200',
    'enrolment-vs-target?pe=2012',
    `${count(Number(target?.numerator))} / ${count(Number(target?.denominator))} = ${percent(target?.value)}`,
    // The target as the register loaded it, over the households still active at the year's end (withdrawals
    // leave them short of 100%): the same count households-enrolled gives, read through another indicator.
    Number(target?.denominator) === Math.round(70_200 * scale) && Number(target?.numerator) === Number(enrolled[0][0]?.numerator ?? NaN),
  );
  const townships = await read('/indicators/pilot-village-coverage?level=township&pe=201201');
  const lowestTownship = Math.min(...townships.map((t) => Number(t.value)));
  add(
    'pilots ≥ 15% of each township’s villages',
    'pilot-village-coverage?level=township&pe=201201',
    `${townships.length} townships, the lowest ${percent(lowestTownship)}`,
    townships.length > 40 && lowestTownship >= 0.15,
  );
  const pilots = await read('/indicators/pilot-household-coverage?level=village&pe=2012');
  const lowestPilot = Math.min(...pilots.map((v) => Number(v.value)));
  add(
    'targets ≥ 15% of each pilot village',
    'pilot-household-coverage?level=village&pe=2012',
    `${pilots.length} pilot villages, the lowest ${percent(lowestPilot)}`,
    pilots.length > 0 && lowestPilot >= 0.15,
  );
  const outside = await read('/indicators/enrolments-outside-pilots?pe=2012;2013;2014;2015');
  add(
    'no enrolment outside pilot villages',
    'enrolments-outside-pilots?pe=2012;2013;2014;2015',
    outside.map((r) => count(Number(r.numerator))).join(', '),
    outside.every((r) => Number(r.numerator) === 0),
  );

  const goal = await read('/indicators/certification-goal?pe=2012;2013;2014;2015');
  const byPeriod = (rows: Row[], pe: string) => rows.find((r) => String(r.pe) === pe) ?? rows[years.indexOf(pe)];
  const goal2015 = byPeriod(goal, '2015');
  add(
    '≥ 60% of all the city’s households certified by the end of 2015',
    'certification-goal?pe=2012;2013;2014;2015',
    years
      .map((y) => {
        const r = byPeriod(goal, y);
        return `${y}: ${percent(r?.value)} (${count(Number(r?.numerator))} / ${count(Number(r?.denominator))})`;
      })
      .join('; '),
    Number(goal2015?.value) >= 0.6,
  );
  const [rate] = await read('/indicators/certification-rate?pe=2015');
  add(
    '(over enrolled households)',
    'certification-rate?pe=2015',
    `${percent(rate?.value)} (${count(Number(rate?.numerator))} / ${count(Number(rate?.denominator))})`,
    // Enrolled households are some of all households: the same certified over fewer is at least the goal's share.
    Number(rate?.value) >= Number(goal2015?.value),
  );
  const [satisfaction] = await read('/indicators/satisfaction-rate');
  add(
    'about 90% satisfied',
    'satisfaction-rate',
    `${percent(satisfaction?.value)} (${count(Number(satisfaction?.numerator))} / ${count(Number(satisfaction?.denominator))})`,
    Math.round(Number(satisfaction?.value) * 100) === 90,
  );

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
  return answers;
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

export function figuresTable(answers: readonly FigureAnswer[]): string {
  const lines = ['| seed figure | indicator | the API’s answer | holds |', '| --- | --- | --- | --- |'];
  for (const a of answers) lines.push(`| ${a.seed} | \`${a.indicator}\` | ${a.answer} | ${a.holds ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { url: { type: 'string', default: 'http://127.0.0.1:3000' }, scale: { type: 'string', default: '1' } },
  });
  const token = process.env.FAMILY_LEDGER_TOKEN;
  if (!token)
    throw new Error(
      'set FAMILY_LEDGER_TOKEN to a token that may read the indicators and the loan register (npm run token -- --role auditor)',
    );
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be a number above 0, at most 1');
  const read: Read = async (path) => {
    const started = Date.now();
    const response = await fetch(new URL(path, values.url), { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    console.error(`GET ${path} ${response.status} in ${Date.now() - started} ms`);
    return (await response.json()) as Body;
  };
  const answers = await readSeedFigures(read, scale);
  console.log(figuresTable(answers));
  if (answers.some((a) => !a.holds)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`read-figures failed: ${describeError(error)}`);
    process.exit(2);
  });
}
