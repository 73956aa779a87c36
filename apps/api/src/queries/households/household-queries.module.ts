import { Module } from '@nestjs/common';
import { HouseholdListController } from './household-list.controller';
import { HouseholdQueriesController } from './households.queries';

@Module({ controllers: [HouseholdListController, HouseholdQueriesController] })
export class HouseholdQueriesModule {}
