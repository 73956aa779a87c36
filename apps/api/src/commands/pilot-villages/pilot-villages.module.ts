import { Module } from '@nestjs/common';
import { ActOnPilotVillageHandler } from './pilot-village.commands';
import { PilotVillagesController } from './pilot-villages.controller';

@Module({ controllers: [PilotVillagesController], providers: [ActOnPilotVillageHandler] })
export class PilotVillagesModule {}
