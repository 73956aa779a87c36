import { CustomTypesConfig, QueryConfig } from 'pg';

/** Statement names by text: a read's text depends only on the shape of its options, so there are a few dozen at most. */
const statementNames = new Map<string, string>();

/**
 * The statement as a named (prepared) one: each connection parses and plans a read once, not for every page
 * (a quarter of a page's server time went to planning the visibility limit). The generic plan can only be
 * the index's: sequential and bitmap scans are off on the store's connections (INDEX_ONLY_PLANS in postgres-event-store.ts).
 */
export function prepared({ text, values }: { text: string; values: unknown[] }, types?: CustomTypesConfig): QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `family_ledger_read_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return { name, text, values, types };
}
