import { Module } from '@nestjs/common';
import { LoanListController } from './loan-list.controller';
import { GetLoanHandler, LoanQueriesController } from './loans.queries';

const queryHandlers = [GetLoanHandler];

@Module({ controllers: [LoanListController, LoanQueriesController], providers: [...queryHandlers] })
export class LoanQueriesModule {}
