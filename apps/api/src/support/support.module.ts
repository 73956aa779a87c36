import { Module } from '@nestjs/common';
import { ActOnSupportHandler } from './support.commands';
import { SupportController } from './support.controller';

@Module({ controllers: [SupportController], providers: [ActOnSupportHandler] })
export class SupportModule {}
