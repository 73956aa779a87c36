/**
 * Bench-only: counts the statements this process sends to PostgreSQL, by wrapping node-postgres's
 * `Client.prototype.query` (the event store's pool and TypeORM's both go through it). Each call is one
 * round trip (a multi-statement simple query such as `BEGIN; SET LOCAL ...` is one). Requests measured with
 * it must run one at a time: the counter cannot tell whose statement is whose.
 */
import { Client } from 'pg';

export interface RoundTrips {
  count: number;
  /** The statements, first line and at most 110 characters each. */
  statements: string[];
}

type Query = (...args: unknown[]) => unknown;

let recording: string[] | undefined;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const original = Client.prototype.query as unknown as Query;
  (Client.prototype as unknown as { query: Query }).query = function (this: Client, ...args: unknown[]) {
    if (recording) recording.push(shortText(args[0]));
    return original.apply(this, args);
  };
}

function shortText(query: unknown): string {
  const text =
    typeof query === 'string' ? query : String((query as { text?: unknown; name?: unknown })?.text ?? (query as { name?: unknown })?.name);
  return text.replace(/\s+/g, ' ').trim().slice(0, 110);
}

/** The statements `work` sent, and its result. Nothing else may talk to the database meanwhile. */
export async function countRoundTrips<T>(work: () => Promise<T>): Promise<{ result: T; trips: RoundTrips }> {
  install();
  const statements: string[] = [];
  recording = statements;
  try {
    const result = await work();
    return { result, trips: { count: statements.length, statements } };
  } finally {
    recording = undefined;
  }
}
