import { FOCUS_AREAS } from '../domain/household/events';
import { BORROWER_GROUPS } from '../domain/loan/events';
import departmentsFile from './departments.v2.json';
import orgUnitsFile from './org-units.v1.json';
import serviceTypesFile from './service-types.v1.json';
import { buildOrgUnits, VILLAGE_COUNT } from './generate-org-units';
import { referenceData, ReferenceData, ReferenceDataFiles } from './index';

const DISTRICTS = {
  '640104': 'Xingqing',
  '640105': 'Xixia',
  '640106': 'Jinfeng',
  '640121': 'Yongning',
  '640122': 'Helan',
  '640181': 'Lingwu',
};

describe('org-unit tree', () => {
  it('is exactly what the generator produces, so nobody edited the file by hand', () => {
    expect(orgUnitsFile).toEqual(buildOrgUnits());
  });

  it('has the city Yinchuan at its root', () => {
    expect(referenceData.orgUnit('640100')).toEqual({ code: '640100', name: 'Yinchuan', level: 'city', kind: 'city' });
    expect(referenceData.ancestors('640100')).toEqual([]);
  });

  it('has the six districts and counties with their real division codes', () => {
    const districts = referenceData.unitsAt('district');
    expect(districts.map((d) => d.code).sort()).toEqual(Object.keys(DISTRICTS).sort());
    for (const district of districts) {
      expect(district.name).toContain(DISTRICTS[district.code as keyof typeof DISTRICTS]);
      expect(district.parent).toBe('640100');
    }
  });

  it('has exactly 386 villages and communities', () => {
    expect(VILLAGE_COUNT).toBe(386);
    expect(referenceData.unitsAt('village')).toHaveLength(386);
    expect(referenceData.descendants('640100').filter((u) => u.level === 'village')).toHaveLength(386);
  });

  it('spreads the villages over every district and every township', () => {
    for (const code of Object.keys(DISTRICTS)) {
      expect(referenceData.descendants(code).filter((u) => u.level === 'village').length).toBeGreaterThan(30);
    }
    for (const township of referenceData.unitsAt('township')) expect(referenceData.childrenOf(township.code).length).toBeGreaterThan(0);
  });

  it('gives townships 9-digit and villages 12-digit codes that extend their parent code', () => {
    const width = { city: 6, district: 6, township: 9, village: 12 } as const;
    for (const unit of referenceData.unitsAt('township').concat(referenceData.unitsAt('village'))) {
      expect(unit.code).toMatch(new RegExp(`^\\d{${width[unit.level]}}$`));
      expect(unit.code.startsWith(unit.parent!)).toBe(true);
    }
  });

  it('leads every village up through its township and district to 640100', () => {
    for (const village of referenceData.unitsAt('village')) {
      expect(referenceData.ancestors(village.code).map((u) => u.level)).toEqual(['township', 'district', 'city']);
      expect(referenceData.ancestors(village.code).at(-1)!.code).toBe('640100');
    }
  });

  it('keeps every code unique', () => {
    const codes = orgUnitsFile.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('answers lookups for a known village and nothing for unknown or non-village codes', () => {
    expect(referenceData.village('640104001001')).toMatchObject({ code: '640104001001', level: 'village', parent: '640104001' });
    expect(referenceData.level('640104001001')).toBe('village');
    expect(referenceData.level('640104001')).toBe('township');
    expect(referenceData.village('640104001')).toBeUndefined();
    expect(referenceData.village('999999999999')).toBeUndefined();
    expect(referenceData.orgUnit('999999')).toBeUndefined();
    expect(referenceData.ancestors('999999')).toEqual([]);
    expect(referenceData.descendants('640104001001')).toEqual([]);
  });
});

describe('departments, service types and loan programmes', () => {
  it('ship about 22 departments with unique codes', () => {
    const codes = departmentsFile.departments.map((d) => d.code);
    expect(codes.length).toBe(22);
    expect(new Set(codes).size).toBe(codes.length);
    expect(referenceData.allDepartments()).toHaveLength(22);
    expect(referenceData.department('womens-federation')?.name).toBe("Women's Federation");
    expect(referenceData.department('no-such-department')).toBeUndefined();
  });

  it('include every department the seed report names (its 22 responsible departments: organisation, propaganda, development and reform, civil affairs, education, ...)', () => {
    // 组织、宣传、发改、民政、教育; 卫生、统计、公安 (sex-ratio work); 财政 (the loan fund); 人口计生 (the commission).
    const named = [
      'organisation',
      'propaganda',
      'development-reform',
      'civil-affairs',
      'education',
      'health',
      'statistics',
      'public-security',
      'finance',
      'population-family-planning',
    ];
    expect(named.filter((code) => !referenceData.department(code))).toEqual([]);
  });

  it('let every service type be delivered by known departments towards known focus areas', () => {
    for (const type of referenceData.allServiceTypes()) {
      expect(type.departments.length).toBeGreaterThan(0);
      for (const code of type.departments) expect(referenceData.department(code)).toBeDefined();
      expect(type.focusAreas.length).toBeGreaterThan(0);
      for (const area of type.focusAreas) expect(FOCUS_AREAS).toContain(area);
    }
    expect(referenceData.serviceType('pre-pregnancy-check')?.departments).toContain('population-family-planning');
    const codes = serviceTypesFile.serviceTypes.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['training', 'health-check', 'job-fair', 'pre-pregnancy-check', 'prenatal-screening']));
  });

  it('cap loan principals in integer fen for known borrower groups', () => {
    expect(
      referenceData
        .allLoanProgrammes()
        .map((p) => p.code)
        .sort(),
    ).toEqual(['womens-micro-loan', 'youth-entrepreneurship-loan']);
    for (const programme of referenceData.allLoanProgrammes()) {
      expect(Number.isSafeInteger(programme.principalCapFen) && programme.principalCapFen > 0).toBe(true);
      for (const group of programme.borrowerGroups) expect(BORROWER_GROUPS).toContain(group);
    }
  });

  it("lend to partnerships led by a woman or a young entrepreneur up to a ceiling above one borrower's cap", () => {
    expect(referenceData.loanProgramme('womens-micro-loan')?.partnership).toEqual({ totalCapFen: 50_000_000 });
    expect(referenceData.loanProgramme('youth-entrepreneurship-loan')?.partnership).toEqual({ totalCapFen: 40_000_000 });
  });

  it('name the versions they were built from', () => {
    expect(referenceData.version).toBe('org-units.v1+departments.v2+service-types.v2+loan-programmes.v2');
  });
});

describe('integrity checks on load', () => {
  const files = (): ReferenceDataFiles => ({
    orgUnits: buildOrgUnits(),
    departments: { version: 'd', departments: [{ code: 'health', name: 'Health' }] },
    serviceTypes: { version: 's', serviceTypes: [] },
    loanProgrammes: { version: 'l', loanProgrammes: [] },
  });

  it('refuses a duplicate code', () => {
    const broken = files();
    broken.orgUnits.units.push({ ...broken.orgUnits.units[5] });
    expect(() => new ReferenceData(broken)).toThrow(/duplicate org unit code/);
  });

  it('refuses a unit whose parent is missing or not one level up', () => {
    const orphan = files();
    orphan.orgUnits.units.push({ code: '640199001001', name: 'Orphan', level: 'village', kind: 'village', parent: '640199001' });
    expect(() => new ReferenceData(orphan)).toThrow(/640199001001/);
    const skipping = files();
    skipping.orgUnits.units.push({ code: '640104999001', name: 'Skipper', level: 'village', kind: 'village', parent: '640104' });
    expect(() => new ReferenceData(skipping)).toThrow(/640104999001/);
  });

  it('refuses a service type naming an unknown department', () => {
    const broken = files();
    broken.serviceTypes.serviceTypes.push({ code: 'x', name: 'X', focusAreas: ['health'], departments: ['nobody'] });
    expect(() => new ReferenceData(broken)).toThrow(/unknown department nobody/);
  });

  it('refuses a partnership ceiling that is not above the cap per borrower', () => {
    const broken = files();
    const programme = {
      code: 'p',
      name: 'P',
      principalCapFen: 100,
      maxTermMonths: 12,
      maxInterestSubsidyBps: 700,
      borrowerGroups: ['woman'],
    };
    broken.loanProgrammes.loanProgrammes.push({ ...programme, partnership: { totalCapFen: 100 } });
    expect(() => new ReferenceData(broken)).toThrow(/loan programme p has a partnership ceiling of 100 fen/);
  });
});
