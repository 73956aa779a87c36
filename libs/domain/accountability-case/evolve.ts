/**
 * Case evolution. Total on purpose: the auditor also folds events in occurredAt order, which can present
 * them in an order no decision produced; an event that does not fit the state leaves it unchanged.
 */
import { CaseEvent } from './events';
import { CaseState, OpenCaseState } from './state';

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseOpened': {
      if (state.status !== 'NotOpened') return state;
      const { caseId, subjectUnit, districtCode, grounds } = event.data;
      return {
        status: 'Open',
        caseId,
        subjectUnit,
        districtCode,
        grounds: [...grounds],
        rectification: { stage: 'none' },
        criticisms: [],
        accountability: [],
        escalation: null,
        reopenings: 0,
      };
    }
    case 'RectificationOrdered': {
      const { round, requirements, deadline } = event.data;
      return onOpen(state, (open) => ({ ...open, rectification: { stage: 'ordered', round, requirements, deadline } }));
    }
    case 'RectificationReported':
      return onOpen(state, (open) => {
        const r = open.rectification;
        if (r.stage !== 'ordered' && r.stage !== 'rejected') return open;
        const { round, requirements, deadline } = r;
        // Null also for a v1 event folded without its upcast.
        const { late, reportedBy = null, reportedAs = null } = event.data;
        return { ...open, rectification: { stage: 'reported', round, requirements, deadline, late, reportedBy, reportedAs } };
      });
    case 'RectificationAccepted':
      return onOpen(state, (open) => ({ ...open, rectification: { stage: 'accepted', round: event.data.round } }));
    case 'RectificationRejected':
      return onOpen(state, (open) => {
        const r = open.rectification;
        if (r.stage !== 'reported') return open;
        return { ...open, rectification: { stage: 'rejected', round: r.round, requirements: r.requirements, deadline: r.deadline } };
      });
    case 'CriticismIssued':
      return onOpen(state, (open) => ({ ...open, criticisms: [...open.criticisms, event.data.bulletinId] }));
    case 'LeaderHeldAccountable': {
      const { officialId, position, measure } = event.data;
      return onOpen(state, (open) => ({ ...open, accountability: [...open.accountability, { officialId, position, measure }] }));
    }
    case 'CaseEscalated':
      return onOpen(state, (open) => ({ ...open, escalation: event.data.to }));
    case 'CaseClosed':
      return onOpen(state, (open) => ({
        ...open,
        status: 'Closed',
        resolution: event.data.resolution,
        waived: event.data.waiver !== null,
      }));
    case 'CaseReopened': {
      if (state.status !== 'Closed') return state;
      // The rectification stands as it was at closing: a waived one is owed again once the case reopens.
      const { resolution: _resolution, waived: _waived, ...file } = state;
      return { ...file, status: 'Open', reopenings: state.reopenings + 1 };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function onOpen(state: CaseState, change: (open: OpenCaseState) => CaseState): CaseState {
  return state.status === 'Open' ? change(state) : state;
}
