import { Module } from '@nestjs/common';
import { GetHouseholdHandler, HouseholdQueriesController } from './households.queries';

const queryHandlers = [GetHouseholdHandler];

@Module({ controllers: [HouseholdQueriesController], providers: [...queryHandlers] })
export class HouseholdQueriesModule {}
