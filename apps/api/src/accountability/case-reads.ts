/**
 * Reads of cases: one case from its stream (now, or replayed to a recorded time, an occurred time or a
 * revision: libs/audit/replay.ts, from the read replica when configured), and the list from the audit trail
 * read model.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { stateAsOf, stateAtRevision, stateOccurredAsOf } from '@libs/audit/replay';
import { caseDecider, caseStream } from '@libs/domain/accountability-case';
import { EVENT_STORE, EventStore, formatPosition, RecordedEvent } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { ReadSources } from '@libs/read-sources';
import { caseAuditTrailProjection } from '@projections/case-audit-trail/case-audit-trail.projection';
import { listCases } from '@projections/case-audit-trail/case-audit-trail.query';
import { utcInstant } from '../http/instant';
import { cutPage, pageOf } from '../http/paging';
import { invalidField, ProblemException } from '../http/problem';
import { setEtag } from '../http/revision';
import { logSource, minPositionOf } from '../queries/read-source';
import { CaseListQuery, CaseReadQuery } from './case.dto';

@Injectable()
export class CaseReads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ReadSources) private readonly sources: ReadSources,
  ) {}

  async read(caseId: string, query: CaseReadQuery, response: Response) {
    const points = [query.asOf, query.occurredAsOf, query.revision].filter((p) => p !== undefined);
    if (points.length > 1)
      throw ProblemException.of(400, 'conflicting-replay-points', 'give at most one of asOf, occurredAsOf and revision');
    const point = pointOf(query);
    // A replay is an auditor's read: the read replica answers it. The case as it is now stays on the primary,
    // since its ETag is what the next command's If-Match is checked against.
    const minPosition = minPositionOf(query.minPosition);
    const store = points.length === 0 ? this.store : (await logSource(this.sources, minPosition, response)).store;
    const events = await store.readStream(caseStream(caseId));
    const head = events[events.length - 1].revision;
    if (points.length === 0) setEtag(response, head);
    // A revision not yet written has no state: answering the latest under it would pass it off as that revision's.
    if (query.revision !== undefined && BigInt(query.revision) > head)
      throw invalidField('revision', `revision must be at most ${head}, the case's latest revision in the log read`);
    const replayed = replay(events, point, query.revision);
    const revision = replayed.revisions.length === 0 ? -1 : Number(replayed.revisions.reduce((a, b) => (a > b ? a : b)));
    return {
      caseId,
      ...point,
      revision,
      eventsFolded: replayed.revisions.length,
      currentRevision: Number(head),
      state: replayed.state,
    };
  }

  /** A page of cases (see ../http/paging.ts), with the log position (and its time) the audit trail reflects. */
  async list(query: CaseListQuery, request: Request, response: Response) {
    const page = pageOf(query);
    if (page.after !== undefined && !(page.after.length === 2 && isOpenedKey(page.after[0])))
      throw invalidField('cursor', 'cursor must be a cursor this service handed out');
    const { position, recordedAt, rows } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const checkpoint = await loadCheckpoint(tx, caseAuditTrailProjection);
      const filter = { district: query.district, status: query.status, after: page.after, limit: page.limit + 1 };
      return {
        position: checkpoint?.position ? formatPosition(checkpoint.position) : null,
        recordedAt: checkpoint?.recordedAt ?? null,
        rows: checkpoint ? await listCases(tx, checkpoint.schema, filter) : [],
      };
    });
    const { rows: kept, next } = cutPage(rows, page, (c) => [c.openedKey, c.caseId], request, response);
    return { position, recordedAt, cases: kept.map(({ openedKey: _key, ...summary }) => summary), next };
  }
}

/**
 * The sort key the list hands out in its cursor (listCases' openedKey: UTC to the microsecond), and a real
 * moment: PostgreSQL would refuse 30 February, or a bare date read in its own time zone, with a 500.
 */
function isOpenedKey(key: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(key)) return false;
  const ms = Date.parse(key);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === key.slice(0, 19);
}

type ReplayPoint = { asOf?: string; occurredAsOf?: string };

function replay(events: RecordedEvent[], point: ReplayPoint, asked: string | undefined) {
  if (point.asOf !== undefined) return stateAsOf(caseDecider, events, point.asOf);
  if (point.occurredAsOf !== undefined) return stateOccurredAsOf(caseDecider, events, point.occurredAsOf);
  const revision = asked === undefined ? events[events.length - 1].revision : BigInt(asked);
  return stateAtRevision(caseDecider, events, revision);
}

/**
 * The time replayed to, as UTC, read here rather than by the replay: a time without an offset is Beijing time
 * (not the server's zone), a bare date the end of that Beijing day ("as of 31 March" includes 31 March).
 */
function pointOf(query: CaseReadQuery): ReplayPoint {
  if (query.asOf !== undefined) return { asOf: utcInstant(query.asOf, 'asOf', 'end-of-day') };
  if (query.occurredAsOf !== undefined) return { occurredAsOf: utcInstant(query.occurredAsOf, 'occurredAsOf', 'end-of-day') };
  return {};
}
