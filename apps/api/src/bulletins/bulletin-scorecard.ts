/**
 * The districts' scorecard a bulletin prints, computed when it is issued and recorded in its event. Scores
 * come from read models (projections/scorecard), which are not "as of a log position": so issuing waits until
 * every read model the scheme reads reflects the bulletin's `asOf` (503 read-model-behind otherwise, nothing
 * appended), scores, and the event keeps the lines; regenerating prints them as recorded.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { localMonthOf } from '@libs/calendar';
import { Clock, CLOCK } from '@libs/clock';
import { scoredPeriod } from '@libs/assessment';
import { BulletinScorecard } from '@libs/domain/supervision';
import { comparePositions, parsePosition, Position } from '@libs/event-store';
import { ReadModelBehindError, ReadSources } from '@libs/read-sources';
import { bulletinScorecard } from '@projections/scorecard/bulletin-lines';
import { ScorecardError, scoreUnits } from '@projections/scorecard/scorecard';
import { ProblemException } from '../http/problem';

/** The campaign's scheme (libs/assessment/schemes), the one a bulletin is scored under unless it names another. */
export const CAMPAIGN_SCHEME = 'happy-family';

/**
 * How long issuing waits for a read model to reach the bulletin's position, on the primary. Longer than an
 * indicator read waits for a replica (READ_REPLICA_MAX_WAIT_MS): a bulletin is issued six times a year, and
 * being refused for a projector a few seconds behind would be worse than waiting for it.
 */
export const READ_MODEL_WAIT_MS = 30_000;

@Injectable()
export class BulletinScorecards {
  private readonly primary: ReadSources;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Scores are read from the primary (scoreUnits), so that is the copy waited for.
    this.primary = new ReadSources(dataSource, undefined, { maxWaitMs: READ_MODEL_WAIT_MS });
  }

  /** The districts' scores for `period` under `scheme`, from read models reflecting at least `asOf`. */
  async at(period: string, scheme: string, asOf: Position | undefined): Promise<BulletinScorecard> {
    const request = { level: 'district' as const, period, scheme, asOf: this.clock.now() };
    try {
      let card = await this.score(request, asOf);
      const behind = Object.entries(card.reflects).filter(([, p]) => asOf && !reaches(p, asOf));
      if (behind.length === 0) return bulletinScorecard(card);
      for (const [readModel] of behind) await this.waitFor(readModel, asOf!);
      card = await this.score(request, asOf);
      return bulletinScorecard(card);
    } catch (error) {
      if (!(error instanceof ScorecardError)) throw error;
      if (error.code === 'scheme-not-in-effect') return notInEffect(scheme, period, request.asOf);
      const field = error.code === 'unknown-scheme' ? 'scheme' : 'period';
      const code = error.code === 'future-period' ? 'bulletin-period-in-future' : error.code;
      throw ProblemException.of(400, code, error.message, {
        errors: [{ field, rule: field === 'scheme' ? 'isIn' : 'max', message: error.message }],
      });
    }
  }

  /** Scores; a read model with no copy yet (a projector just started) is waited for like one behind. */
  private async score(request: Parameters<typeof scoreUnits>[1], asOf: Position | undefined): ReturnType<typeof scoreUnits> {
    for (let waited = new Set<string>(); ;) {
      try {
        return await scoreUnits(this.dataSource, request);
      } catch (error) {
        if (!(error instanceof ReadModelBehindError) || asOf === undefined || waited.has(error.readModel)) throw error;
        waited.add(error.readModel);
        await this.waitFor(error.readModel, asOf);
      }
    }
  }

  private async waitFor(readModel: string, asOf: Position): Promise<void> {
    try {
      await this.primary.forReadModel(readModel, asOf);
    } catch (error) {
      if (!(error instanceof ReadModelBehindError)) throw error;
      throw ProblemException.of(
        503,
        'read-model-behind',
        `the ${readModel} read model does not reflect the log up to the bulletin yet; try again`,
      );
    }
  }
}

function reaches(position: string | null, asOf: Position): boolean {
  const parsed = position === null ? undefined : parsePosition(position);
  return parsed !== undefined && comparePositions(parsed, asOf) >= 0;
}

/** A bimonth before the scheme's first version: recorded as such, and printed without scores. */
function notInEffect(scheme: string, period: string, at: Date): BulletinScorecard {
  const previousPeriod = scoredPeriod(period, localMonthOf(at.toISOString())).previous;
  return { scheme, version: null, period, previousPeriod, scoredAt: at.toISOString(), reflects: [], rows: [] };
}
