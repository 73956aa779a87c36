/**
 * The figures of a generated campaign counted from the events it wrote (not from the plan), so what
 * `npm run generate` prints is what the log holds: households by cohort and where they are, needs, services,
 * satisfaction, certification year by year (over enrolled households and over the register), the loan book
 * by borrower group, pilot villages, group activities by kind, and the programme's own acts.
 */
import { HOUSEHOLD_CATEGORIES } from '../domain/household/events';
import { programmeYearOf } from '../periods/programme-calendar';
import { ReferenceData } from '../reference-data/reference-data';

interface Counted {
  type: string;
  data: unknown;
}

type Data = Readonly<Record<string, unknown>>;

interface ActivityFigures {
  activities: number;
  sessions: number;
  attendance: number;
  costFen: number;
}

interface LoanFigures {
  loans: number;
  /** Distinct borrowing households: the report's people ("1300余名女性创业者"); a renewal adds a loan, not a borrower. */
  borrowers: number;
  principalFen: number;
  partnerships: number;
}

const count = <K extends string>(counts: Record<K, number>, key: K, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

export class CampaignTally {
  readonly events: Record<string, number> = {};
  readonly categories: Record<string, number> = {};
  readonly responses: Record<string, number> = {};
  /**
   * Changes to the stocks by the programme year they happened in: certified households (certified less
   * revoked less withdrawn while certified) and active ones (enrolled less withdrawn), as the indicators count.
   */
  readonly certifiedByYear: Record<string, number> = {};
  readonly activeByYear: Record<string, number> = {};
  readonly loans: Record<string, LoanFigures> = {};
  readonly cohorts: Record<string, number> = {};
  readonly pilotsDesignated: Record<string, number> = {};
  readonly activities: Record<string, ActivityFigures> = {};
  readonly materials: Record<string, number> = {};
  private readonly villages = new Set<string>();
  private readonly districts = new Set<string>();
  private readonly focusAreas = new Set<string>();
  private readonly departments = new Set<string>();
  private readonly supervisors = new Set<string>();
  private readonly activityDepartments = new Set<string>();
  private readonly certified = new Set<string>();
  private readonly borrowers = new Set<string>();
  private criticisms = 0;

  /** `register`: households living in the city by year, for certification over all households (the 60% goal). */
  constructor(
    private readonly reference: ReferenceData,
    private readonly register: Readonly<Record<string, number>> = {},
  ) {}

  /** One written event, with the instant (ISO-8601 UTC) it happened at. */
  add(event: Counted, occurredAt: string): void {
    count(this.events, event.type);
    const data = event.data as Data;
    const year = String(programmeYearOf(occurredAt));
    switch (event.type) {
      case 'HouseholdEnrolled':
        count(this.activeByYear, year);
        count(this.categories, data.category as string);
        count(this.cohorts, String(data.enrolmentYear));
        this.villages.add(data.villageCode as string);
        this.districts.add(this.reference.ancestors(data.villageCode as string).find((u) => u.level === 'district')?.code ?? '?');
        return;
      case 'NeedRecorded':
        this.focusAreas.add(data.focusArea as string);
        return;
      case 'ServiceDelivered':
        this.departments.add(data.departmentCode as string);
        return;
      case 'GroupActivityHeld':
        return this.activity(data);
      case 'PilotVillageDesignated':
        return count(this.pilotsDesignated, year);
      case 'SatisfactionRecorded':
        return count(this.responses, data.response as string);
      case 'HouseholdCertified':
        this.certified.add(data.householdId as string);
        return count(this.certifiedByYear, year);
      case 'CertificationRevoked':
        this.certified.delete(data.householdId as string);
        return count(this.certifiedByYear, year, -1);
      case 'HouseholdWithdrawn':
        count(this.activeByYear, year, -1);
        if (this.certified.delete(data.householdId as string)) count(this.certifiedByYear, year, -1);
        return;
      case 'LoanGranted':
        return this.grant(data);
      case 'SupervisorAssigned':
        this.supervisors.add(data.supervisorId as string);
        return;
      case 'BulletinIssued':
        if (data.kind === 'criticism') this.criticisms++;
        return;
    }
  }

  private activity(data: Data): void {
    const kind = (this.activities[data.kind as string] ??= { activities: 0, sessions: 0, attendance: 0, costFen: 0 });
    kind.activities++;
    kind.sessions += data.sessions as number;
    kind.attendance += data.attendance as number;
    kind.costFen += data.costFen as number;
    for (const [material, n] of Object.entries(data.materials as Record<string, number>)) count(this.materials, material, n);
    this.activityDepartments.add(data.departmentCode as string);
  }

  private grant(data: Data): void {
    const group = (this.loans[data.borrowerGroup as string] ??= { loans: 0, borrowers: 0, principalFen: 0, partnerships: 0 });
    group.loans++;
    const borrower = `${data.borrowerGroup as string}:${data.householdId as string}`;
    if (!this.borrowers.has(borrower)) group.borrowers++;
    this.borrowers.add(borrower);
    group.principalFen += data.principalFen as number;
    if (data.partners !== undefined) group.partnerships++;
  }

  /** Certified households at the end of each year over those enrolled and active then (the certification-rate indicator). */
  certifiedShares(): [year: string, share: number][] {
    let [certified, active] = [0, 0];
    return [...new Set([...Object.keys(this.activeByYear), ...Object.keys(this.certifiedByYear)])].sort().map((year) => {
      certified += this.certifiedByYear[year] ?? 0;
      active += this.activeByYear[year] ?? 0;
      return [year, certified / Math.max(1, active)];
    });
  }

  /** Certified households at the end of each year over the households living in the city that year (certification-goal). */
  certifiedOfCity(): [year: string, share: number][] {
    let certified = 0;
    return Object.keys(this.certifiedByYear)
      .sort()
      .map((year) => [year, (certified += this.certifiedByYear[year]) / Math.max(1, this.register[year] ?? 0)]);
  }

  /** Satisfied over valid responses: no-answer excluded, the satisfaction-rate indicator's one definition. */
  satisfiedShare(): number {
    const valid = Object.entries(this.responses)
      .filter(([response]) => response !== 'no-answer')
      .reduce((a, [, n]) => a + n, 0);
    return (this.responses.satisfied ?? 0) / Math.max(1, valid);
  }

  /** A few lines for a person to check against the programme's figures. */
  describe(): string[] {
    const n = (type: string) => (this.events[type] ?? 0).toLocaleString('en');
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    const yuan = (fen: number) => `${(fen / 100 / 1e6).toFixed(1)} million yuan`;
    const digits = (value: number) => value.toLocaleString('en');
    const loans = Object.entries(this.loans).sort(([a], [b]) => a.localeCompare(b));
    const all = loans.reduce(
      (sum, [, g]) => ({
        loans: sum.loans + g.loans,
        borrowers: sum.borrowers + g.borrowers,
        principalFen: sum.principalFen + g.principalFen,
      }),
      { loans: 0, borrowers: 0, principalFen: 0 },
    );
    const categories = HOUSEHOLD_CATEGORIES.map((c) => `${c} ${(this.categories[c] ?? 0).toLocaleString('en')}`).join(', ');
    return [
      `households: ${n('HouseholdEnrolled')} enrolled in ${this.districts.size} districts and ${this.villages.size} villages (${categories}); ${n('HouseholdWithdrawn')} withdrew`,
      `needs: ${n('NeedRecorded')} under ${this.focusAreas.size} focus areas; services: ${n('ServiceDelivered')} from ${this.departments.size} departments`,
      `cohorts: ${Object.entries(this.cohorts)
        .sort()
        .map(([year, households]) => `${households.toLocaleString('en')} enrolled in ${year}`)
        .join(', ')}; pilot villages designated: ${Object.entries(this.pilotsDesignated)
        .sort()
        .map(([year, villages]) => `${villages} in ${year}`)
        .join(', ')}`,
      `satisfaction: ${n('SatisfactionRecorded')} ratings, ${percent(this.satisfiedShare())} satisfied`,
      `certified (net of ${n('CertificationRevoked')} revocations and withdrawals), of households active: ${this.certifiedShares()
        .map(([year, share]) => `${percent(share)} by end ${year}`)
        .join(', ')}; of all the city's households (the register): ${this.certifiedOfCity()
        .map(([year, share]) => `${percent(share)} by end ${year}`)
        .join(', ')}`,
      `loans: ${digits(all.loans)} to ${digits(all.borrowers)} borrowers, ${yuan(all.principalFen)}; ${loans.map(([group, g]) => `${group} ${digits(g.borrowers)} borrowers, ${digits(g.loans)} loans (${yuan(g.principalFen)}, ${g.partnerships} to partnerships)`).join('; ')}`,
      `repayments: ${n('LoanRepaymentRecorded')}, ${n('LoanRepaid')} loans repaid, ${n('LoanDefaulted')} defaulted`,
      ...this.describeActivities(),
      `supervision: ${this.supervisors.size} supervisors, ${n('SupervisionVisitRecorded')} visits, ${n('BulletinIssued')} bulletins (${this.criticisms} criticising), ${n('ResponsibilityAssigned')} responsibilities; cases: ${n('CaseOpened')} opened, ${n('CaseClosed')} closed`,
    ];
  }

  private describeActivities(): string[] {
    const kinds = Object.entries(this.activities).sort(([a], [b]) => a.localeCompare(b));
    const yuan = (fen: number) => `${(fen / 100).toLocaleString('en')} yuan`;
    const materials = Object.entries(this.materials)
      .map(([material, n]) => `${n.toLocaleString('en')} ${material}`)
      .join(', ');
    return [
      `activities: ${n(this.events.GroupActivityHeld)} held by ${this.activityDepartments.size} departments; ${materials} costing ${yuan(kinds.reduce((sum, [, k]) => sum + k.costFen, 0))}`,
      ...kinds.map(
        ([kind, k]) =>
          `  ${kind}: ${n(k.activities)} activities, ${n(k.sessions)} sessions, ${n(k.attendance)} attendances${k.costFen ? `, ${yuan(k.costFen)}` : ''}`,
      ),
    ];
  }
}

const n = (value = 0) => value.toLocaleString('en');
