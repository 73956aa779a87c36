/**
 * What the household and loan lists share: the `?ou=` and paging parameters, and one page read from a
 * register's active copy in one snapshot with the log position it reflects (read-your-writes).
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { formatPosition } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { referenceData } from '@libs/reference-data';
import { PageQuery } from '../http/paging';
import { ProblemException } from '../http/problem';

export class RegisterListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'org unit (city, district, township or village code); required for a token scoped to an org unit' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}(\d{3}){0,2}$/, { message: 'ou must be a 6-, 9- or 12-digit org unit code' })
  ou?: string;
}

/** The org unit asked for, checked against the tree (an unknown code would list nothing, silently). */
export function orgUnitOf(query: RegisterListQuery): string | undefined {
  if (query.ou !== undefined && referenceData.orgUnit(query.ou) === undefined)
    throw ProblemException.of(400, 'unknown-org-unit', `no org unit ${query.ou}`);
  return query.ou;
}

/** Reads rows from the register's active copy; none before the projector has created it. */
export async function readRegister<Row>(
  dataSource: DataSource,
  register: { name: string },
  read: (tx: EntityManager, schema: string) => Promise<Row[]>,
): Promise<{ position: string | null; rows: Row[] }> {
  return dataSource.transaction('REPEATABLE READ', async (tx) => {
    const checkpoint = await loadCheckpoint(tx, register);
    const rows = checkpoint ? await read(tx, checkpoint.schema) : [];
    return { position: checkpoint?.position ? formatPosition(checkpoint.position) : null, rows };
  });
}
