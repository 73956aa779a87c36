import { Module } from '@nestjs/common';
import { LoanQueriesController } from './loans.queries';

@Module({ controllers: [LoanQueriesController] })
export class LoanQueriesModule {}
