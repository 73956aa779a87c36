import { Module } from '@nestjs/common';
import { accountabilityCommandHandlers } from './accountability.commands';
import { CaseReads } from './case-reads';
import { CasesController } from './cases.controller';
import { ResponsibilitiesController } from './responsibilities.controller';
import { SupervisionController } from './supervision.controller';

@Module({
  controllers: [CasesController, SupervisionController, ResponsibilitiesController],
  providers: [...accountabilityCommandHandlers, CaseReads],
})
export class AccountabilityModule {}
