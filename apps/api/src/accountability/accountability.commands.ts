/**
 * The @nestjs/cqrs commands of cases, supervision and responsibilities, with their thin handlers: each is
 * the shared load-decide-append (libs/command-handling) on its stream. A case command first gets the
 * authority of its actor (case-authority.ts); refusals of authority are answered 403.
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CommandOutcome, handleCommand, loadStream } from '@libs/command-handling/handle-command';
import { CaseCommand, caseDecider, CaseEvent, CaseState, caseStream } from '@libs/domain/accountability-case';
import {
  ResponsibilityCommand,
  responsibilityDecider,
  ResponsibilityEvent,
  ResponsibilityState,
  responsibilityStream,
} from '@libs/domain/responsibility';
import { SupervisionCommand, supervisionDecider, SupervisionEvent, SupervisionState, supervisionStream } from '@libs/domain/supervision';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ActingRole, asForbidden } from './acting-role';
import { caseAuthority, requireNoOtherDistrict } from './case-authority';
import { bulletinIssued } from './cited-bulletin';
import { oneAssignmentAtATime } from './supervisor-lock';

type WithoutAuthority<C> = C extends unknown ? Omit<C, 'authority'> : never;
export type CaseRequest = WithoutAuthority<CaseCommand>;

export type CaseOutcome = CommandOutcome<CaseState, CaseEvent>;
export type SupervisionOutcome = CommandOutcome<SupervisionState, SupervisionEvent>;
export type ResponsibilityOutcome = CommandOutcome<ResponsibilityState, ResponsibilityEvent>;

export class ActOnCase extends Command<CaseOutcome> {
  constructor(
    readonly caseId: string,
    readonly command: CaseRequest,
    readonly acting: ActingRole,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

export class ActOnSupervision extends Command<SupervisionOutcome> {
  constructor(
    readonly command: SupervisionCommand,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

export class ActOnResponsibility extends Command<ResponsibilityOutcome> {
  constructor(
    readonly command: ResponsibilityCommand,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ActOnCase)
export class ActOnCaseHandler implements ICommandHandler<ActOnCase, CaseOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async execute({ caseId, command, acting, ifMatch }: ActOnCase): Promise<CaseOutcome> {
    const stream = caseStream(caseId);
    const district = command.type === 'OpenCase' ? command.data.districtCode : await this.districtOf(stream);
    const { actor, occurredAt } = command.metadata;
    const authority = await caseAuthority(this.store, this.dataSource, acting, actor, district, occurredAt);
    const cited = command.type === 'IssueCriticism' && {
      bulletinIssued: await bulletinIssued(this.store, district, command.data.bulletinId),
    };
    const full = { ...command, authority, ...cited } as CaseCommand;
    return handleCommand(this.store, stream, caseDecider, full, { ifMatch }).catch(asForbidden);
  }

  private async districtOf(stream: string): Promise<string | undefined> {
    const { state } = await loadStream(this.store, stream, caseDecider);
    return state.status === 'NotOpened' ? undefined : state.districtCode;
  }
}

@CommandHandler(ActOnSupervision)
export class ActOnSupervisionHandler implements ICommandHandler<ActOnSupervision, SupervisionOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  execute({ command, ifMatch }: ActOnSupervision): Promise<SupervisionOutcome> {
    const handle = () =>
      handleCommand(this.store, supervisionStream(command.data.districtCode), supervisionDecider, command, { ifMatch }).catch(asForbidden);
    if (command.type !== 'AssignSupervisor') return handle();
    const { districtCode, supervisorId } = command.data;
    return oneAssignmentAtATime(this.dataSource, supervisorId, async () => {
      await requireNoOtherDistrict(this.store, districtCode, supervisorId, command.metadata.occurredAt);
      return handle();
    });
  }
}

@CommandHandler(ActOnResponsibility)
export class AssignResponsibilityHandler implements ICommandHandler<ActOnResponsibility, ResponsibilityOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, ifMatch }: ActOnResponsibility): Promise<ResponsibilityOutcome> {
    return handleCommand(this.store, responsibilityStream(command.data.responsibilityId), responsibilityDecider, command, { ifMatch });
  }
}

export const accountabilityCommandHandlers = [ActOnCaseHandler, ActOnSupervisionHandler, AssignResponsibilityHandler];
