/**
 * RectificationReported v1 did not say who reported; v2 (the current shape) carries `reportedBy` (the person)
 * and `reportedAs` (the name recorded), so the case can refuse their verdict on the report. A v1 event reads
 * with both null: its reporter is
 * unknown (the event's metadata names an actor, but an administrator may have named any), and no judge is
 * refused on it.
 */
import { Evidence, RectificationReported } from '../accountability-case/events';

// Written out whole, as v1 was declared, so its published schema says what it said.
export interface RectificationReportedV1 {
  round: number;
  report: string;
  evidence: Evidence[];
  late: boolean;
  reason: string;
}

type RectificationReportedV2 = RectificationReported['data'];

/** (V1 | V2) -> V2; a v2 event comes back as it was (same object). */
export function upcastRectificationReported(data: RectificationReportedV1 | RectificationReportedV2): RectificationReportedV2 {
  return 'reportedBy' in data ? data : { ...data, reportedBy: null, reportedAs: null };
}
