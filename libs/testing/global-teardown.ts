import { EmbeddedPostgresHandle } from '../database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__FAMILY_LEDGER_PG__ as EmbeddedPostgresHandle | undefined;
  await server?.stop();
}
