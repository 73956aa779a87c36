/**
 * The API's HTTP surfaces, one Nest module each. Add a feature here; its module gets the shared ports
 * (EVENT_STORE, RAW_EVENT_STORE, DataSource, CLOCK, Security, METRICS, CONFIG: see tokens.ts) from the global PortsModule.
 */
import { HouseholdsModule } from './commands/households/households.module';
import { LoansModule } from './commands/loans/loans.module';
import { PilotVillagesModule } from './commands/pilot-villages/pilot-villages.module';
import { HouseholdQueriesModule } from './queries/households/household-queries.module';
import { LoanQueriesModule } from './queries/loans/loan-queries.module';
import { HealthModule } from './health/health.module';
import { IndicatorsModule } from './queries/indicators/indicators.module';
import { AdminModule } from './admin/admin.module';
import { FeedModule } from './feed/feed.module';
import { ConsumerGroupsModule } from './consumer-groups/consumer-groups.module';
import { AccountabilityModule } from './accountability/accountability.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PrivacyModule } from './privacy/privacy.module';
import { AccountsModule } from './accounts/accounts.module';
import { ReferenceModule } from './reference/reference.controller';
import { EventSchemasModule } from './schemas/event-schemas.module';
import { Dhis2Module } from './dhis2/dhis2.module';
import { ActivitiesModule } from './activities/activities.module';
import { AssessmentModule } from './assessment/assessment.module';
import { ScreeningsModule } from './screenings/screenings.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { SupportModule } from './support/support.module';

export const features = [
  AccountsModule,
  AuthModule,
  PrivacyModule,
  HealthModule,
  HouseholdsModule,
  LoansModule,
  PilotVillagesModule,
  HouseholdQueriesModule,
  LoanQueriesModule,
  IndicatorsModule,
  AdminModule,
  FeedModule,
  ConsumerGroupsModule,
  AccountabilityModule,
  BulletinsModule,
  AuditModule,
  EventSchemasModule,
  Dhis2Module,
  ReferenceModule,
  ActivitiesModule,
  AssessmentModule,
  ScreeningsModule,
  SupportModule,
];
