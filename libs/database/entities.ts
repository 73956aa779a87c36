/** TypeORM entities of the read models (tables themselves come from migrations). */
export const entities: Function[] = [];
