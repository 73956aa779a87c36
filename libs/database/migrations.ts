/**
 * The libs' own schema migrations, in order: the event log first, then the projection runtime and the rest.
 * The read models' migrations are projections/migrations; whoever opens the database passes both (libs do
 * not import projections). TypeORM records what ran in `public.migrations`; the schema is never synchronised.
 */
import { EventStoreSchema1764547200000 } from '../event-store/postgres/migrations/1764547200000-event-store-schema';
import { ProjectionRuntime1764547300000 } from '../projection/migrations/1764547300000-projection-runtime';
import { IdempotencyKeys1764561000000 } from '../idempotency/migrations/1764561000000-idempotency-keys';
import { ProjectionCopies1764562000000 } from '../projection/migrations/1764562000000-projection-copies';
import { ConsumerGroups1764563000000 } from '../consumer-groups/migrations/1764563000000-consumer-groups';
import { RelayCheckpoints1764563100000 } from '../relay/migrations/1764563100000-relay-checkpoints';
import { PersonalData1764570000000 } from '../personal-data/migrations/1764570000000-personal-data';
import { AuditCheckpoints1764571000000 } from '../audit/checkpointing/migrations/1764571000000-audit-checkpoints';
import { Accounts1765000000000 } from '../accounts/migrations/1765000000000-accounts';
import { SealedAnswers1764580000000 } from '../idempotency/migrations/1764580000000-sealed-answers';
import { WrappingKeys1764580100000 } from '../personal-data/migrations/1764580100000-wrapping-keys';
import { AuditHeadsAndNotes1765100000000 } from '../audit/checkpointing/migrations/1765100000000-audit-heads-and-notes';
import { AssessmentSchemes1765200000000 } from '../assessment/migrations/1765200000000-assessment-schemes';
import { AssessmentSchemeV21765230000000 } from '../assessment/migrations/1765230000000-assessment-scheme-v2';
import { ConsumerGroupScopes1765210000000 } from '../consumer-groups/migrations/1765210000000-consumer-group-scopes';
import { BulletinDocuments1765220000000 } from '../bulletins/migrations/1765220000000-bulletin-documents';

export const libMigrations = [
  EventStoreSchema1764547200000,
  ProjectionRuntime1764547300000,
  IdempotencyKeys1764561000000,
  ProjectionCopies1764562000000,
  ConsumerGroups1764563000000,
  RelayCheckpoints1764563100000,
  PersonalData1764570000000,
  AuditCheckpoints1764571000000,
  SealedAnswers1764580000000,
  WrappingKeys1764580100000,
  Accounts1765000000000,
  AuditHeadsAndNotes1765100000000,
  AssessmentSchemes1765200000000,
  ConsumerGroupScopes1765210000000,
  BulletinDocuments1765220000000,
  AssessmentSchemeV21765230000000,
];
