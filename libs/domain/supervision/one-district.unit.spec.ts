import { requireNoOtherDistrict, termElsewhere } from './one-district';
import { SupervisionState } from './state';

const term = (districtCode: string, supervisorId: string, from: string, until: string | null) => ({
  districtCode,
  supervisorId,
  from,
  until,
});
const district = (code: string, ...terms: ReturnType<typeof term>[]): readonly [string, SupervisionState] => [
  code,
  { status: 'Vacant', districtCode: code, terms, bulletinIds: [], bulletinPeriods: [], visitMonths: [] },
];

describe('one district per supervisor', () => {
  const others = [district('640104', term('640104', 'sup-zhou', '2012-01-01T00:00:00Z', '2012-07-01T00:00:00Z')), district('640105')];

  it('refuses a supervisor whose term elsewhere is still in force, naming the district', () => {
    expect(() => requireNoOtherDistrict(others, 'sup-zhou', '2012-03-01T00:00:00Z')).toThrow('640104');
  });

  it('lets a supervisor be assigned once the term elsewhere has ended, and anyone without one', () => {
    expect(() => requireNoOtherDistrict(others, 'sup-zhou', '2012-07-01T00:00:00Z')).not.toThrow();
    expect(() => requireNoOtherDistrict(others, 'sup-li', '2012-03-01T00:00:00Z')).not.toThrow();
  });

  it('finds the term a supervisor holds in another district at an instant', () => {
    expect(termElsewhere(others, 'sup-zhou', '2012-03-01T00:00:00Z')).toMatchObject({ districtCode: '640104' });
    expect(termElsewhere(others, 'sup-zhou', '2012-08-01T00:00:00Z')).toBeUndefined();
  });
});
