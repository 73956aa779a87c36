import { Module } from '@nestjs/common';
import { ActOnSupportHandler } from './support.commands';
import { HouseholdSupportController } from './household-support.controller';
import { SupportController } from './support.controller';

@Module({ controllers: [SupportController, HouseholdSupportController], providers: [ActOnSupportHandler] })
export class SupportModule {}
