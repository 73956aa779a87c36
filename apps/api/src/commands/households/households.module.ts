import { Module } from '@nestjs/common';
import { ActOnHouseholdHandler } from './household.commands';
import { HouseholdsController } from './households.controller';

@Module({ controllers: [HouseholdsController], providers: [ActOnHouseholdHandler] })
export class HouseholdsModule {}
