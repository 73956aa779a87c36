import { Module } from '@nestjs/common';
import { auditProviders, CheckpointTimer } from './audit-ports';
import { AuditController } from './audit.controller';
import { CaseAuditController } from './case-audit.controller';
import { CheckpointsController } from './checkpoints.controller';

@Module({ controllers: [CaseAuditController, AuditController, CheckpointsController], providers: [...auditProviders, CheckpointTimer] })
export class AuditModule {}
