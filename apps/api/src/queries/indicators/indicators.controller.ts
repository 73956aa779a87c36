import { Controller, Get, Inject, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatPosition } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { categoryCountsProjection } from '@projections/category-counts/category-counts.projection';
import { ProblemException } from '../../http/problem';

@Controller('indicators')
export class IndicatorsController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Enrolled households by category for the whole city, as of the projection's checkpoint. */
  @Get('households-enrolled')
  async householdsEnrolled(@Query('by') by?: string) {
    if (by !== undefined && by !== 'category') throw ProblemException.of(400, 'unknown-dimension', `unknown dimension "by=${String(by).slice(0, 40)}"; known: category`);
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const checkpoint = await loadCheckpoint(tx, categoryCountsProjection);
      const rows: { category: string; active: number; withdrawn: number }[] = checkpoint
        ? await tx.query(`SELECT category, sum(active)::int AS active, sum(withdrawn)::int AS withdrawn FROM ${checkpoint.schema}.category_counts GROUP BY category ORDER BY category`)
        : [];
      return {
        indicator: 'households-enrolled',
        orgUnit: '640100',
        by: 'category',
        position: checkpoint?.position ? formatPosition(checkpoint.position) : null,
        rows,
      };
    });
  }
}
