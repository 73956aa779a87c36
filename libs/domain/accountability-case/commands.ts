/**
 * Accountability case commands. Each carries a reason, and the `authority` the handler established for the
 * actor: for a supervisor, the supervision term in force at `metadata.occurredAt`, read from the district's
 * supervision stream (`assignmentAt` in ../supervision), so the decider can check it without I/O.
 */
import { Command } from '../shared';
import { SupervisorAssignment } from '../supervision/state';
import { AccountabilityMeasure, CaseGround, CaseResolution, EscalationLevel, Evidence } from './events';

export type CaseAuthority =
  { role: 'supervisor'; assignment: SupervisorAssignment | null } | { role: 'city-office' } | { role: 'subject-unit'; unitCode: string };

type CaseCommandOf<Type extends string, Data> = Command<Type, Data & { reason: string }> & { authority: CaseAuthority };

export type OpenCase = CaseCommandOf<
  'OpenCase',
  { caseId: string; subjectUnit: string; districtCode: string; grounds: CaseGround[]; evidence: Evidence[] }
>;
export type OrderRectification = CaseCommandOf<'OrderRectification', { requirements: string[]; deadline: string }>;
export type ReportRectification = CaseCommandOf<'ReportRectification', { report: string; evidence: Evidence[] }>;
export type AcceptRectification = CaseCommandOf<'AcceptRectification', {}>;
export type RejectRectification = CaseCommandOf<'RejectRectification', {}>;
/**
 * `bulletinIssued`: whether the handler found the cited bulletin among those issued for the case's district or
 * for the city (a criticism is published in one); absent when nobody looked (the data generator, which cites
 * the bulletins it issues), and then not checked.
 */
export type IssueCriticism = CaseCommandOf<'IssueCriticism', { bulletinId: string }> & { bulletinIssued?: boolean };
export type HoldLeaderAccountable = CaseCommandOf<
  'HoldLeaderAccountable',
  { officialId: string; position: string; measure: AccountabilityMeasure }
>;
export type EscalateCase = CaseCommandOf<'EscalateCase', { to: EscalationLevel }>;
/** `waiverReason` is required when a rectification is outstanding, and refused when none is. */
export type CloseCase = CaseCommandOf<'CloseCase', { resolution: CaseResolution; waiverReason?: string }>;
export type ReopenCase = CaseCommandOf<'ReopenCase', {}>;

export type CaseCommand =
  | OpenCase
  | OrderRectification
  | ReportRectification
  | AcceptRectification
  | RejectRectification
  | IssueCriticism
  | HoldLeaderAccountable
  | EscalateCase
  | CloseCase
  | ReopenCase;
