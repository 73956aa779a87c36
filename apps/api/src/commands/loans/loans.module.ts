import { Module } from '@nestjs/common';
import { loanCommandHandlers } from './loan.commands';
import { LoansController } from './loans.controller';

@Module({ controllers: [LoansController], providers: [...loanCommandHandlers] })
export class LoansModule {}
