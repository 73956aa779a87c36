import { Module } from '@nestjs/common';
import { LoanListController } from './loan-list.controller';
import { LoanQueriesController } from './loans.queries';

@Module({ controllers: [LoanListController, LoanQueriesController] })
export class LoanQueriesModule {}
