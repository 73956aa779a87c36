import { Module } from '@nestjs/common';
import { HouseholdListController } from './household-list.controller';
import { GetHouseholdHandler, HouseholdQueriesController } from './households.queries';

const queryHandlers = [GetHouseholdHandler];

@Module({ controllers: [HouseholdListController, HouseholdQueriesController], providers: [...queryHandlers] })
export class HouseholdQueriesModule {}
