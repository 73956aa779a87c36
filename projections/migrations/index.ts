/**
 * The read models' migrations (the libs' own are libs/database/migrations.ts): whoever opens the database
 * passes both (see projections/index.ts `databaseSchema`). Relative imports only, as in the migrations.
 *
 * CategoryCounts1764547400000 (the first slice's fixed read_models tables) is gone from this list on
 * purpose: ProjectionCopies1764562000000 drops what it created. A database that ran it keeps its row in
 * public.migrations, which TypeORM ignores (it runs what is listed and not yet recorded); a fresh database
 * no longer creates tables only to drop them. ./migrations.int.spec.ts checks both.
 */
import { ReadModels1764562100000 } from './1764562100000-read-models';
import { ProgrammeRegisters1765030000000 } from './1765030000000-programme-registers';

export const readModelMigrations = [ReadModels1764562100000, ProgrammeRegisters1765030000000];
