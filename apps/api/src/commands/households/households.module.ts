import { Module } from '@nestjs/common';
import { householdCommandHandlers } from './household.commands';
import { HouseholdsController } from './households.controller';

@Module({ controllers: [HouseholdsController], providers: [...householdCommandHandlers] })
export class HouseholdsModule {}
