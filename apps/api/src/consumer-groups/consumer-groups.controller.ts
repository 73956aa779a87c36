/**
 * Consumer groups over HTTP: define (and remove) a group, claim leased batches, acknowledge or refuse
 * them, inspect and replay what was parked. The logic and its SQL are in libs/consumer-groups. Events come
 * without personal fields unless the caller may receive them (a subscriber with the `pii` scope). A group
 * belongs to the org unit of the token that made it: it holds only that unit's events, and a token sees only
 * the groups inside its own unit (another's answers 404, as a missing one).
 */
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { Response } from 'express';
import { ConsumerGroups, DEFAULT_LEASE_MS, DEFAULT_MAX_DELIVERIES } from '@libs/consumer-groups';
import { isStoredEventType } from '@libs/domain/event-types';
import { parsePosition } from '@libs/event-store';
import { mayReceivePersonalFields } from '@libs/personal-data';
import { AuthenticatedRequest } from '../auth/access.guard';
import { callerScope } from '../auth/caller-scope';
import { cutPage, PageQuery, pageOf } from '../http/paging';
import { invalidField, ProblemException } from '../http/problem';
import { quoted, RawQuery, refuseUnknownParameters } from '../http/query-parameters';
import { AckDto, ClaimDto, DefineGroupDto, GROUP_NAME, NackDto, ReplayDto } from './consumer-groups.dto';
import { AckAnswer, ClaimAnswer, ConsumerGroupPage, ConsumerGroupView, NackAnswer, ParkedAnswer, ReplayAnswer } from './answers.dto';

/** Every query parameter the parked route reads (others are refused); the OpenAPI test holds the document to them. */
export const PARKED_PARAMETERS = ['limit'] as const;

@Controller('consumer-groups')
export class ConsumerGroupsController {
  constructor(@Inject(ConsumerGroups) private readonly groups: ConsumerGroups) {}

  /** Every group, a page at a time (see ../http/paging.ts), in name order. */
  @Get()
  @ApiOperation({ summary: 'Every consumer group, a page at a time, in name order' })
  async list(
    @Query() query: PageQuery,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConsumerGroupPage> {
    const page = pageOf(query);
    const { rows: groups, next } = cutPage(
      await this.groups.list(callerScope(request), page.after?.[0], page.limit + 1),
      page,
      (g) => [g.name],
      request,
      response,
    );
    return { groups, next };
  }

  /** Creates a consumer group (201), or confirms one with the same settings (200). */
  @Put(':name')
  async define(
    @Param('name') name: string,
    @Body() body: DefineGroupDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConsumerGroupView> {
    refuseAnyQuery(request);
    const from =
      body.from === undefined || body.from === 'start' || body.from === 'end' ? (body.from ?? 'start') : parsePosition(body.from);
    if (from === undefined) throw ProblemException.of(400, 'invalid-request', 'from must be a log position, start or end');
    // A type the log does not store would leave the group empty for ever, and its filter cannot be changed.
    if (body.filter?.types?.some((type) => !isStoredEventType(type)))
      throw invalidField('filter.types', 'types must be event types the log stores');
    const { created, group } = await this.groups.define(groupName(name), {
      filter: { eventTypes: body.filter?.types, streamPrefixes: body.filter?.streams },
      from,
      maxDeliveries: body.maxDeliveries ?? DEFAULT_MAX_DELIVERIES,
      leaseMs: body.leaseMs ?? DEFAULT_LEASE_MS,
      scope: callerScope(request),
    });
    response.status(created ? 201 : 200);
    return group;
  }

  /** A consumer group's settings, checkpoint and backlog. */
  @Get(':name')
  get(@Param('name') name: string, @Req() request: AuthenticatedRequest): Promise<ConsumerGroupView> {
    refuseAnyQuery(request);
    return this.groups.get(groupName(name), callerScope(request));
  }

  /** Deletes a consumer group and its deliveries. */
  @Delete(':name')
  @HttpCode(204)
  async remove(@Param('name') name: string, @Req() request: AuthenticatedRequest): Promise<void> {
    refuseAnyQuery(request);
    await this.groups.remove(groupName(name), callerScope(request));
  }

  /** Leases up to `max` events to a consumer of the group. */
  @Post(':name/claim')
  @HttpCode(200)
  claim(@Param('name') name: string, @Body() body: ClaimDto, @Req() request: AuthenticatedRequest): Promise<ClaimAnswer> {
    refuseAnyQuery(request);
    const personal = mayReceivePersonalFields(request.principal);
    return this.groups.claim(groupName(name), callerScope(request), body.consumer, body.max, { personal });
  }

  /** Acknowledges events leased to this consumer. */
  @Post(':name/ack')
  @HttpCode(200)
  ack(@Param('name') name: string, @Body() body: AckDto, @Req() request: AuthenticatedRequest): Promise<AckAnswer> {
    refuseAnyQuery(request);
    return this.groups.ack(groupName(name), callerScope(request), body.consumer, body.eventIds);
  }

  /** Gives events back: redelivered, or parked after the group's maximum deliveries. */
  @Post(':name/nack')
  @HttpCode(200)
  nack(@Param('name') name: string, @Body() body: NackDto, @Req() request: AuthenticatedRequest): Promise<NackAnswer> {
    refuseAnyQuery(request);
    return this.groups.nack(groupName(name), callerScope(request), body.consumer, body.eventIds, body.reason);
  }

  /** The group's parked events, with their attempts and last reason. */
  @Get(':name/parked')
  @ApiQuery({ name: 'limit', required: false, type: String, description: 'Events to list, 1 to 1000 (default 100)' })
  async parked(@Param('name') name: string, @Req() request: AuthenticatedRequest, @Query() query: RawQuery): Promise<ParkedAnswer> {
    refuseUnknownParameters(query, PARKED_PARAMETERS, 'invalid-query');
    const { limit } = query;
    // Digits only: Number() would take `limit[]=5` (an array), ` 5`, `1e3` and `0x10` too.
    const max = limit === undefined ? 100 : typeof limit === 'string' && /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
    if (!Number.isInteger(max) || max < 1 || max > 1000)
      throw ProblemException.of(400, 'invalid-query', 'limit must be an integer from 1 to 1000');
    const personal = mayReceivePersonalFields(request.principal);
    return { events: await this.groups.parked(groupName(name), callerScope(request), max, { personal }) };
  }

  /** Puts parked events (all, or those named) back in the queue. */
  @Post(':name/parked/replay')
  @HttpCode(200)
  replay(@Param('name') name: string, @Body() body: ReplayDto, @Req() request: AuthenticatedRequest): Promise<ReplayAnswer> {
    refuseAnyQuery(request);
    return this.groups.replayParked(groupName(name), callerScope(request), body.eventIds);
  }
}

/** The routes but the list and the parked one read no query: a parameter sent anyway (`claim?max=1`) was dropped unread. */
function refuseAnyQuery(request: AuthenticatedRequest): void {
  const [unknown] = Object.keys(request.query);
  if (unknown === undefined) return;
  throw ProblemException.of(400, 'invalid-query', `${quoted(unknown)} is not a parameter of this route, which reads none`, {
    parameter: unknown.slice(0, 60),
  });
}

function groupName(name: string): string {
  if (!GROUP_NAME.test(name))
    throw ProblemException.of(400, 'invalid-group-name', "a group name is 1 to 64 letters, digits, '.', '_' or '-'");
  return name;
}
