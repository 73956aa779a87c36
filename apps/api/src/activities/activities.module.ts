import { Module } from '@nestjs/common';
import { ActOnActivityHandler } from './activities.commands';
import { ActivitiesController } from './activities.controller';

@Module({ controllers: [ActivitiesController], providers: [ActOnActivityHandler] })
export class ActivitiesModule {}
