/** `GET /households/{id}/support`: what one household was granted and received, from the support-payments read model. */
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { supportProgrammes } from '@libs/reference-data/support-programmes';
import { supportOfHousehold } from '@projections/support-payments/support-payments.query';
import { supportPaymentsReadModel } from '@projections/support-payments/support-payments.tables';
import { IdParams } from '../commands/shared/command.dto';
import { readRegister } from '../queries/register-page';
import { HouseholdSupportAnswer } from './answers.dto';

@ApiTags('support')
@Controller('households')
export class HouseholdSupportController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get(':id/support')
  @ApiOperation({
    summary: "A household's support: each grant with its programme, amounts in fen and goods in units",
    description: 'From a read model: `position` is the log position it reflects (compare with a command answer for read-your-writes).',
  })
  async list(@Param() { id }: IdParams): Promise<HouseholdSupportAnswer> {
    const { position, rows } = await readRegister(this.dataSource, supportPaymentsReadModel, (tx, schema) =>
      supportOfHousehold(tx, schema, id),
    );
    const support = rows.map((row) => {
      // Every stored code was checked against the programmes when granted; a code retired since keeps its code as name.
      const programme = supportProgrammes.programme(row.programmeCode);
      const programmeName = programme?.name ?? { 'zh-CN': row.programmeCode, en: row.programmeCode };
      return { ...row, programmeName, form: programme?.form ?? 'cash' };
    });
    return { householdId: id, position, support };
  }
}
