import { Module } from '@nestjs/common';
import { ActOnLoanHandler } from './loan.commands';
import { LoansController } from './loans.controller';

@Module({ controllers: [LoansController], providers: [ActOnLoanHandler] })
export class LoansModule {}
