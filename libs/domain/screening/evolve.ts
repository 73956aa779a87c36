import { ScreeningEvent } from './events';
import { ScreeningProgress, ScreeningState } from './state';

export function evolveScreening(state: ScreeningState, event: ScreeningEvent): ScreeningState {
  if (event.type === 'ScreeningSubjectRegistered') {
    const { screeningId, villageCode, subjectKind } = event.data;
    return {
      status: 'Open',
      screeningId,
      villageCode,
      subjectKind,
      checked: false,
      highRisk: false,
      counsellingOffered: false,
      counselled: false,
    };
  }
  if (state.status === 'NotRegistered') return state;
  const { status: _status, ...progress } = state;
  return next(state.status, progress, event);
}

function next(
  status: 'Open' | 'Closed' | 'Erased',
  progress: ScreeningProgress,
  event: Exclude<ScreeningEvent, { type: 'ScreeningSubjectRegistered' }>,
): ScreeningState {
  switch (event.type) {
    case 'PrePregnancyCheckDone':
      return { status, ...progress, checked: true };
    case 'FiveItemTestDone':
    case 'TwoItemScreeningDone':
      return { status, ...progress };
    case 'HighRiskFound':
      return { status, ...progress, highRisk: true };
    case 'GeneticCounsellingOffered':
      return { status, ...progress, counsellingOffered: true };
    case 'GeneticCounsellingTaken':
      return { status, ...progress, counselled: true };
    case 'ScreeningOutcomeRecorded':
      return { status: status === 'Erased' ? status : 'Closed', ...progress };
    case 'ScreeningPersonErased':
      return { status: 'Erased', ...progress };
    default: {
      const _exhaustive: never = event;
      return { status, ...progress };
    }
  }
}
