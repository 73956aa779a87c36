/** Shapes of the API's answers the OpenAPI document does not spell out (it types requests, not all answers). */
export interface Reflects {
  position: string | null;
  recordedAt: string | null;
}
export type Row = Record<string, string | number | boolean | null | { lower: number; upper: number }> & { suppressed?: boolean };
export interface IndicatorAnswer {
  indicator?: string;
  rows: Row[];
  reflects: Reflects;
}
export interface IndicatorInfo {
  name: string;
  title: string;
  unit: string;
  dimensions: string[];
  target: { value: number; label: string } | null;
  levels: string[];
}
export interface Named {
  code: string;
  name: { 'zh-CN': string; en: string };
}
export interface OrgUnit extends Named {
  level: 'city' | 'district' | 'township' | 'village';
  parent: string | null;
}
export interface ReferenceData {
  categories: Named[];
  focusAreas: Named[];
  departments: Named[];
  serviceTypes: (Named & { focusArea?: string })[];
  needKinds: Named[];
  loanPrograms: Named[];
  borrowerGroups?: Named[];
  satisfactionResponses?: Named[];
}
export interface CaseSummary {
  caseId: string;
  districtCode: string;
  subjectUnit: string;
  grounds: string[];
  status: string;
  openedAt: string;
  openedBy: string;
  revision: number;
}
export interface HistoryEntry {
  revision: number;
  position: string;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  actor: string;
  reason: string | null;
  occurredAt: string;
  recordedAt: string;
  previousHash: string;
  hash: string;
  state: unknown;
}
export interface Verdict {
  ok: boolean;
  events: number;
  firstBadRevision: number | null;
  reason: string | null;
  /** The latest signed checkpoint: its signature, and whether the log up to it still hashes to its root. */
  checkpoint: { position: string; eventCount: number; signatureValid: boolean; logMatches: boolean } | null;
}
export interface TrailEntry {
  position: string;
  stream: string;
  revision: number;
  subjectId: string;
  type: string;
  actor: string;
  reason: string | null;
  occurredAt: string;
  recordedAt: string;
}
export interface PeriodCompliance {
  period: string;
  dueBy: string;
  reports: number;
  status: 'on-time' | 'late' | 'missing' | 'pending' | 'unsupervised';
}
export interface Compliance {
  position: string | null;
  recordedAt: string | null;
  currentMonth: string;
  districtCode: string;
  months: PeriodCompliance[];
  bimonths: PeriodCompliance[];
}
/** An event a projection failed on and set aside (GET /admin/projections), until retried. */
export interface ParkedEvent {
  eventId?: string;
  eventType?: string;
  stream?: string;
  position?: string;
  attempts?: number;
  error?: string;
}

export interface ProjectionStatus {
  name: string;
  version?: number;
  checkpoint: string | null;
  lag: { events: number; seconds?: number | null };
  status?: string;
  parked?: ParkedEvent[];
}
