import { Module } from '@nestjs/common';
import { ProjectionsAdminController } from './projections-admin.controller';
import { RegistersController } from './registers.controller';

@Module({ controllers: [ProjectionsAdminController, RegistersController] })
export class AdminModule {}
