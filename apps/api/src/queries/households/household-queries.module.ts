import { Module } from '@nestjs/common';
import { HouseholdQueriesController } from './households.queries';

@Module({ controllers: [HouseholdQueriesController] })
export class HouseholdQueriesModule {}
