/** TypeORM entities of the read models (tables and views themselves come from migrations). */
import { reportingEntities } from '../../projections/reporting-entities';

export const entities: Function[] = [...reportingEntities];
