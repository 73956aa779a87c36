/**
 * `GET /calendar`: the programme's calendar as the service keeps it (PROGRAMME_TIME_ZONE), so that a client
 * shows dates and reads typed times in the same zone the read models bucket periods in: one calendar.
 */
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { programmeTimeZone } from '@libs/calendar';

export class ProgrammeCalendarDto {
  @ApiProperty({ description: 'IANA time zone in which every period is bucketed and every date is shown', example: 'Asia/Shanghai' })
  timeZone!: string;
}

@ApiTags('reference data')
@Controller('calendar')
export class CalendarController {
  @Get()
  @ApiOperation({ summary: "The programme's calendar: the time zone its periods and dates are read in (PROGRAMME_TIME_ZONE)" })
  @ApiOkResponse({ type: ProgrammeCalendarDto })
  calendar(): ProgrammeCalendarDto {
    return { timeZone: programmeTimeZone() };
  }
}
