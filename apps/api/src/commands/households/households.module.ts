import { Module } from '@nestjs/common';
import { EnrollHouseholdHandler } from './enroll-household.handler';
import { HouseholdsController } from './households.controller';

const commandHandlers = [EnrollHouseholdHandler];

@Module({ controllers: [HouseholdsController], providers: [...commandHandlers] })
export class HouseholdsModule {}
