/** TypeORM view of `reporting.satisfaction_counts`. */
import { ViewColumn, ViewEntity } from 'typeorm';
import { ServiceColumns } from '@libs/projection/reporting-columns';

@ViewEntity({ schema: 'reporting', name: 'satisfaction_counts', synchronize: false })
export class SatisfactionCountsView extends ServiceColumns {
  @ViewColumn({ name: 'response_month' }) responseMonth!: number;
  @ViewColumn() satisfied!: number;
  @ViewColumn() neutral!: number;
  @ViewColumn() dissatisfied!: number;
  @ViewColumn({ name: 'no_answer' }) noAnswer!: number;
  @ViewColumn({ name: 'valid_responses' }) validResponses!: number;
}
