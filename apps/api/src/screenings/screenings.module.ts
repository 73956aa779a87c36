import { Module } from '@nestjs/common';
import { ActOnScreeningHandler } from './screenings.commands';
import { ScreeningStepsController } from './screening-steps.controller';
import { ScreeningsController } from './screenings.controller';

/** The birth-defect screening chain (libs/domain/screening); counts are read from projections/screening-counts. */
@Module({ controllers: [ScreeningsController, ScreeningStepsController], providers: [ActOnScreeningHandler] })
export class ScreeningsModule {}
