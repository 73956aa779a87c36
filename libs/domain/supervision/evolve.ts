/**
 * Supervision evolution. Total on purpose: the auditor folds events in occurredAt order too, which may
 * present them in an order no decision produced, so an event that does not fit leaves the state alone.
 */
import { SupervisionEvent } from './events';
import { SupervisionState } from './state';

export function evolveSupervision(state: SupervisionState, event: SupervisionEvent): SupervisionState {
  switch (event.type) {
    case 'SupervisorAssigned': {
      const { districtCode, supervisorId, assignedAt } = event.data;
      const record = state.status === 'Unassigned' ? { terms: [], bulletinIds: [], bulletinPeriods: [], visitMonths: [] } : state;
      // Close a term left open (only possible in an occurredAt-ordered replay) so at most one is in force.
      const closed = record.terms.map((term) => (term.until === null ? { ...term, until: assignedAt } : term));
      const terms = [...closed, { districtCode, supervisorId, from: assignedAt, until: null }];
      const { bulletinIds, bulletinPeriods, visitMonths } = record;
      return { status: 'Assigned', districtCode, supervisorId, since: assignedAt, terms, bulletinIds, bulletinPeriods, visitMonths };
    }
    case 'SupervisorAssignmentEnded': {
      if (state.status !== 'Assigned') return state;
      const { supervisorId: _s, since: _since, status: _status, ...record } = state;
      const terms = record.terms.map((term) => (term.until === null ? { ...term, until: event.data.endedAt } : term));
      return { ...record, status: 'Vacant', terms };
    }
    case 'SupervisionVisitRecorded':
      if (state.status === 'Unassigned' || state.visitMonths.includes(event.data.month)) return state;
      return { ...state, visitMonths: [...state.visitMonths, event.data.month] };
    case 'BulletinIssued':
      if (state.status === 'Unassigned') return state;
      return {
        ...state,
        bulletinIds: [...state.bulletinIds, event.data.bulletinId],
        bulletinPeriods: state.bulletinPeriods.includes(event.data.period)
          ? state.bulletinPeriods
          : [...state.bulletinPeriods, event.data.period],
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
