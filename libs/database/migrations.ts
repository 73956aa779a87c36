/**
 * Every schema migration of the service, in order: the event log first, then the read models. TypeORM
 * records what ran in `public.migrations`; the schema is never synchronised from entities.
 */
import { EventStoreSchema1764547200000 } from '../event-store/postgres/migrations/1764547200000-event-store-schema';

export const migrations = [EventStoreSchema1764547200000];
