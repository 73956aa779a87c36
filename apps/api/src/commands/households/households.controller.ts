import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Request } from 'express';
import { Clock, CLOCK } from '@libs/clock';
import { CommandOutcome } from '@libs/command-handling/handle-command';
import { HouseholdEvent, HouseholdState } from '@libs/domain/household';
import { commandMetadata } from '../../http/request-context';
import { EnrollHouseholdDto } from './enroll-household.dto';
import { EnrollHouseholdCommand } from './enroll-household.handler';

@Controller('households')
export class HouseholdsController {
  constructor(private readonly commands: CommandBus, @Inject(CLOCK) private readonly clock: Clock) {}

  @Post()
  @HttpCode(201)
  async enroll(@Body() body: EnrollHouseholdDto, @Req() request: Request) {
    const metadata = commandMetadata(request, this.clock, body.occurredAt);
    const householdId = body.householdId ?? randomUUID();
    const outcome: CommandOutcome<HouseholdState, HouseholdEvent> = await this.commands.execute(
      new EnrollHouseholdCommand({
        type: 'EnrollHousehold',
        data: {
          householdId,
          villageCode: body.villageCode,
          category: body.category,
          members: body.members,
          head: { name: body.head.name, ...(body.head.idNumber && { idNumber: body.head.idNumber }), ...(body.head.phone && { phone: body.head.phone }) },
          enrolmentYear: body.enrolmentYear ?? new Date(metadata.occurredAt).getUTCFullYear(),
          batch: body.batch ?? 1,
        },
        metadata,
      }),
    );
    return { householdId, revision: Number(outcome.revision), position: outcome.position };
  }
}
