import { Module } from '@nestjs/common';
import { GetLoanHandler, LoanQueriesController } from './loans.queries';

const queryHandlers = [GetLoanHandler];

@Module({ controllers: [LoanQueriesController], providers: [...queryHandlers] })
export class LoanQueriesModule {}
