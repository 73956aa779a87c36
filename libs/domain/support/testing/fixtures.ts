/** Builders for support decider specs: valid by default, overridable field by field. */
import { meta } from '../../household/testing/fixtures';
import { DeliverSupport, GrantSupport, GrantSupportContext, ReturnSupport, ReverseSupport } from '../commands';
import { SupportEvent, SupportQuantity } from '../events';

export const SUPPORT_ID = '7e1d2c3b-4a59-4687-9a8b-1c2d3e4f5a6b';
export const RECIPIENT_ID = '0b7f6c1e-4a2d-4c1b-9e3f-2a1d5c6b7e80';

const enrolled: GrantSupportContext = { householdStatus: 'Enrolled', householdCategory: 'elderly' };
/** 960 yuan a year of award-and-support, the national rate of the time. */
const cash = { programmeCode: 'award-support', amountFen: 96_000, units: 0 };
export const WHEELCHAIRS = { programmeCode: 'donated-wheelchairs', amountFen: 0, units: 2 };

export const grant = (o: Partial<GrantSupport['data']> = {}, context: GrantSupportContext = enrolled): GrantSupport => ({
  type: 'GrantSupport',
  metadata: meta,
  context,
  data: { supportId: SUPPORT_ID, householdId: RECIPIENT_ID, ...cash, ...o },
});

export const deliver = (amountFen: number, units = 0): DeliverSupport => ({
  type: 'DeliverSupport',
  metadata: meta,
  data: { supportId: SUPPORT_ID, amountFen, units },
});

export const giveBack = (amountFen: number, units = 0): ReturnSupport => ({
  type: 'ReturnSupport',
  metadata: meta,
  data: { supportId: SUPPORT_ID, amountFen, units, reason: 'no longer needed' },
});

export const reverse = (reason = 'recorded for the wrong household'): ReverseSupport => ({
  type: 'ReverseSupport',
  metadata: meta,
  data: { supportId: SUPPORT_ID, reason },
});

const ref = (programmeCode = cash.programmeCode) => ({ supportId: SUPPORT_ID, householdId: RECIPIENT_ID, programmeCode });

export const granted = (o: Partial<GrantSupport['data']> = {}): SupportEvent => ({
  type: 'SupportGranted',
  data: { ...grant(o).data, householdCategory: 'elderly' },
});

export const delivered = (q: SupportQuantity, programmeCode?: string): SupportEvent => ({
  type: 'SupportDelivered',
  data: { ...ref(programmeCode), ...q },
});

export const returned = (q: SupportQuantity, programmeCode?: string): SupportEvent => ({
  type: 'SupportReturned',
  data: { ...ref(programmeCode), ...q, reason: 'no longer needed' },
});

export const reversed = (held: SupportQuantity, reason = 'recorded for the wrong household'): SupportEvent => ({
  type: 'SupportReversed',
  data: { ...ref(), reason, grantedFen: cash.amountFen, grantedUnits: 0, heldFen: held.amountFen, heldUnits: held.units },
});
