/**
 * The registry's personal fields (PERSONAL_FIELDS) in the forms the hot paths look them up in, built once: by
 * event type as dot paths (encryption, libs/personal-data) and as split paths (redaction, libs/redaction), and
 * any dot path split (the walk over an event's data). Each was a look-up in an object of a hundred keys, or a
 * split, for every event read, written or sent; each module kept its own cache of them.
 */
import { PERSONAL_FIELDS } from './event-types';

const NO_FIELDS: readonly string[] = [];
const NO_PATHS: readonly (readonly string[])[] = [];

const fieldsByType: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(PERSONAL_FIELDS));
const splitPaths = new Map<string, readonly string[]>(
  Object.values(PERSONAL_FIELDS)
    .flat()
    .map((path) => [path, path.split('.')]),
);
const pathsByType: ReadonlyMap<string, readonly (readonly string[])[]> = new Map(
  Object.entries(PERSONAL_FIELDS).map(([type, paths]) => [type, paths.map((path) => splitPaths.get(path)!)]),
);

/** The dot paths of the type's personal fields; none for a type the registry does not classify. */
export function personalFieldsOf(type: string): readonly string[] {
  return fieldsByType.get(type) ?? NO_FIELDS;
}

/** The same, split at the dots. */
export function personalPathsOf(type: string): readonly (readonly string[])[] {
  return pathsByType.get(type) ?? NO_PATHS;
}

/** A dot path split at the dots: the registry's from the table, any other split afresh. */
export function splitPath(path: string): readonly string[] {
  return splitPaths.get(path) ?? path.split('.');
}
