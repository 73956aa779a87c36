import { MigrationInterface, QueryRunner } from 'typeorm';
import { localMonthOf } from '../../calendar';
import { bimonthStart } from '../periods';
import shipped from '../schemes/happy-family.v2.json';

/**
 * The campaign's scheme, version 2 (schemes/happy-family.v2.json: the review's three corrections, its sources
 * inside). Loaded as the scheme's next version, like any load: it takes effect from its document's date or,
 * when migrated later, from the bimonth in progress, never earlier, so the scores of bimonths already over
 * keep version 1's rules (rescoring them under version 2 is asked for with `scheme=happy-family@2`). Only over
 * the shipped versions: where the city has loaded its own table, this project's must not supersede it (its
 * corrections are then the city's to load).
 */
export class AssessmentSchemeV21765230000000 implements MigrationInterface {
  name = 'AssessmentSchemeV21765230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const document = { ...shipped, effectiveFrom: effectiveFrom(shipped.effectiveFrom, localMonthOf(Date.now())) };
    await queryRunner.query(
      `INSERT INTO assessment.scheme_versions (scheme, version, effective_from, document, loaded_by)
       SELECT $1, max(version) + 1, $2, $3, 'migration' FROM assessment.scheme_versions WHERE scheme = $1
       HAVING bool_and(loaded_by = 'migration')`,
      [document.scheme, document.effectiveFrom, JSON.stringify(document)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM assessment.scheme_versions WHERE scheme = $1 AND loaded_by = 'migration' AND version > 1`, [
      shipped.scheme,
    ]);
  }
}

/** The later of the document's date and the first day of the bimonth in progress (`currentMonth`, yyyymm). */
export function effectiveFrom(documentDate: string, currentMonth: number): string {
  const month = bimonthStart(currentMonth);
  const current = `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}-01`;
  return current > documentDate ? current : documentDate;
}
