import { Indicator } from '../indicators/definitions';
import { parseScheme, SchemeError } from './validate-scheme';

/** Just enough of the catalogue: what the checks read of an indicator. */
const indicators: Record<string, Partial<Indicator>> = {
  'satisfaction-rate': { unit: 'proportion', periodGrain: 'month', dimensions: { department: 'department_code' } },
  'certification-rate': { unit: 'proportion', periodGrain: 'month', dimensions: { category: 'category' } },
  'enrolment-vs-target': { unit: 'proportion', periodGrain: 'year', dimensions: {} },
  'pilot-household-coverage': { unit: 'proportion', periodGrain: 'month', dimensions: {}, levels: ['village'] },
};
const catalogue = { find: (name: string) => indicators[name] as Indicator | undefined };

const valid = () => ({
  scheme: 'happy-family',
  title: 'test',
  effectiveFrom: '2012-07-01',
  total: 100,
  sources: ['seed report §2'],
  components: [
    {
      key: 'supervision',
      title: 's',
      line: 'party-government',
      measure: 'supervision-compliance',
      weight: 40,
      target: 1,
      rule: { kind: 'linear' },
    },
    {
      key: 'certification',
      title: 'c',
      line: 'family-planning',
      measure: 'indicator:certification-rate',
      weight: 60,
      target: 0.6,
      rule: 'linear',
    },
    { key: 'cases', title: 'c', line: 'departments', measure: 'cases-opened', weight: 100, rule: { kind: 'penalty', perCase: 5 } },
  ],
});

function refusal(change: (doc: ReturnType<typeof valid>) => void): SchemeError {
  const doc = valid();
  change(doc);
  try {
    parseScheme(doc, catalogue);
  } catch (error) {
    if (error instanceof SchemeError) return error;
    throw error;
  }
  throw new Error('the scheme was accepted');
}

describe('checking a scheme', () => {
  it('accepts a whole scheme, a penalty target defaulting to none allowed', () => {
    const scheme = parseScheme(valid(), catalogue);
    expect(scheme.components.map((c) => [c.key, c.target, c.rule])).toEqual([
      ['supervision', 1, { kind: 'linear' }],
      ['certification', 0.6, { kind: 'linear' }],
      ['cases', 0, { kind: 'penalty', perCase: 5 }],
    ]);
  });

  it('refuses an unknown indicator, naming the component and its line', () => {
    const error = refusal((d) => (d.components[1].measure = 'indicator:happiness-index'));
    expect(error.message).toBe(
      'component 2 (family-planning line (计生线), key "certification"): unknown indicator "happiness-index"; GET /indicators lists them',
    );
    expect(error.line).toBe('family-planning');
  });

  it('refuses weights that do not sum to the total, naming the lines and their weights', () => {
    const error = refusal((d) => (d.components[0].weight = 35));
    expect(error.message).toBe(
      "the district weights of the Party-and-government line (党政线) and family-planning line (计生线) sum to 95 (party-government 35, family-planning 60), not the scheme's total 100",
    );
  });

  it('refuses an unknown rule, and a penalty without its amount', () => {
    expect(refusal((d) => (d.components[0].rule = { kind: 'sigmoid' })).message).toMatch(
      /Party-and-government line .*unknown rule "sigmoid"/,
    );
    expect(refusal((d) => (d.components[2].rule = { kind: 'penalty' } as never)).message).toMatch(/departments' line .*perCase/);
  });

  it('refuses what cannot be measured for the level of the line', () => {
    expect(refusal((d) => (d.components[2].measure = 'supervision-compliance')).message).toMatch(/for districts only/);
    expect(refusal((d) => (d.components[2].measure = 'pilot-townships')).message).toMatch(/pilot-townships is measured for districts only/);
    expect(refusal((d) => (d.components[2].measure = 'indicator:certification-rate')).message).toMatch(/no department breakdown/);
    expect(refusal((d) => (d.components[1].measure = 'indicator:enrolment-vs-target')).message).toMatch(/whole years/);
    expect(refusal((d) => (d.components[1].measure = 'indicator:pilot-household-coverage')).message).toMatch(/not reported by district/);
  });

  it('refuses a rate aimed above 100%, a date that does not start a bimonth, a key used twice and no sources', () => {
    expect(refusal((d) => (d.components[1].target = 60)).message).toMatch(/proportion between 0 and 1/);
    expect(refusal((d) => (d.effectiveFrom = '2012-06-01')).message).toMatch(/first day of a bimonth/);
    expect(refusal((d) => (d.components[1].key = 'supervision')).message).toMatch(/used twice for the districts/);
    expect(refusal((d) => (d.sources = [])).message).toMatch(/at least one source/);
  });

  it('keeps what a component earns without a value, and refuses anything but none or full', () => {
    const doc = valid();
    Object.assign(doc.components[0], { measure: 'rectifications-on-time', noValue: 'full' });
    expect(parseScheme(doc, catalogue).components.map((c) => c.noValue)).toEqual(['full', undefined, undefined]);
    expect(refusal((d) => Object.assign(d.components[0], { noValue: 'half' })).message).toMatch(/noValue "half" must be one of none, full/);
  });
});
