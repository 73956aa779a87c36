import { randomUUID } from 'node:crypto';

/** Ids enter the system through this port; deciders receive them with the command. */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

export interface IdGenerator {
  newId(): string;
}

export const uuidGenerator: IdGenerator = { newId: () => randomUUID() };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
