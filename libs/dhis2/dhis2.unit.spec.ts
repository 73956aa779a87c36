import fc from 'fast-check';
import { indicatorCatalogue } from '../indicators';
import { Dhis2Mapping, Dhis2MappingError, loadDhis2Mapping } from './mapping';
import mappingFile from './mapping.v1.json';
import { isoInterval, periodOfInterval } from './periods';
import { DHIS2_CSV_HEADER, toAdx, toDhis2Csv } from './formats';

describe('DHIS2 periods', () => {
  it('writes ADX intervals as DHIS2 documents them: a bimonth id is its index, 201203B = May-June', () => {
    expect(isoInterval('201203')).toBe('2012-03-01/P1M');
    expect(isoInterval('201203B')).toBe('2012-05-01/P2M');
    expect(isoInterval('201201B')).toBe('2012-01-01/P2M');
    expect(isoInterval('2012Q2')).toBe('2012-04-01/P3M');
    expect(isoInterval('2012S2')).toBe('2012-07-01/P6M');
    expect(isoInterval('2012')).toBe('2012-01-01/P1Y');
  });

  it('reads every interval back to its period id', () => {
    const ids = fc.oneof(
      fc.tuple(fc.integer({ min: 2011, max: 2020 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}${String(m).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 2011, max: 2020 }), fc.integer({ min: 1, max: 6 })).map(([y, b]) => `${y}0${b}B`),
      fc.tuple(fc.integer({ min: 2011, max: 2020 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}Q${q}`),
      fc.integer({ min: 2011, max: 2020 }).map(String),
    );
    fc.assert(fc.property(ids, (id) => periodOfInterval(isoInterval(id)) === id));
  });
});

describe('the DHIS2 mapping', () => {
  const catalogue = indicatorCatalogue([
    { name: 'households-enrolled', dimensions: { category: 'category' }, numerator: { label: 'n' } },
    { name: 'needs-recorded', dimensions: { focusArea: 'focus_area' }, numerator: { label: 'n' } },
    { name: 'services-delivered', dimensions: { focusArea: 'focus_area' }, numerator: { label: 'n' } },
    { name: 'satisfaction-rate', dimensions: {}, numerator: { label: 'n' }, denominator: { label: 'd' } },
    { name: 'loans-granted', dimensions: { borrowerGroup: 'borrower_group' }, numerator: { label: 'n' } },
    { name: 'loan-principal-granted', dimensions: { borrowerGroup: 'borrower_group' }, numerator: { label: 'n' } },
  ] as never);

  it('loads the shipped mapping against the catalogue', () => {
    expect(loadDhis2Mapping(catalogue).dataSets[0].dataElements.length).toBeGreaterThan(5);
  });

  it('refuses an unknown indicator, a missing dimension, a missing combo and a duplicate code, naming them', () => {
    const variant = (change: (m: Dhis2Mapping) => void) => {
      const copy = structuredClone(mappingFile) as Dhis2Mapping;
      change(copy);
      return () => loadDhis2Mapping(catalogue, copy);
    };
    expect(
      variant((m) => {
        m.dataSets[0].dataElements[0].indicator = 'households-enroled';
      }),
    ).toThrow(/unknown indicator households-enroled/);
    expect(
      variant((m) => {
        m.dataSets[0].dataElements[0].disaggregation = 'kind';
      }),
    ).toThrow(/no dimension kind/);
    expect(
      variant((m) => {
        delete m.categoryCombos.category.elderly;
      }),
    ).toThrow(/no category option combo for category elderly/);
    expect(
      variant((m) => {
        m.dataSets[0].dataElements[1].code = 'HF_HH_ENROLLED';
      }),
    ).toThrow(Dhis2MappingError);
  });
});

describe('DHIS2 exchange formats', () => {
  const set = {
    dataSet: 'HF_MONTHLY',
    dataValues: [
      {
        dataElement: 'HF_HH_ENROLLED',
        period: '201203',
        orgUnit: '640104',
        categoryOptionCombo: 'HF_CAT_STABLE',
        attributeOptionCombo: 'default',
        value: '12',
        storedBy: 'family-ledger',
        lastUpdated: '2012-03-31T10:00:00.000Z',
        comment: '',
        followup: false,
      },
      {
        dataElement: 'HF_SATISFIED',
        period: '201203',
        orgUnit: '640104',
        categoryOptionCombo: 'default',
        attributeOptionCombo: 'default',
        value: '9',
        storedBy: 'family-ledger',
        lastUpdated: '2012-03-31T10:00:00.000Z',
        comment: '',
        followup: false,
      },
    ],
  };

  it("writes CSV with DHIS2's own header, values as written", () => {
    expect(toDhis2Csv(set)).toBe(
      `${DHIS2_CSV_HEADER}\nHF_HH_ENROLLED,201203,640104,HF_CAT_STABLE,default,12,family-ledger,2012-03-31T10:00:00.000Z,,false\nHF_SATISFIED,201203,640104,default,default,9,family-ledger,2012-03-31T10:00:00.000Z,,false\n`,
    );
    expect(DHIS2_CSV_HEADER).toBe('dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup');
  });

  it('writes ADX groups per org unit and period, with ISO interval periods and the disaggregation as an attribute', () => {
    const adx = toAdx(set, (mappingFile as Dhis2Mapping).dataSets[0], '2012-04-01T00:00:00.000Z');
    expect(adx).toContain('<adx xmlns="urn:ihe:qrph:adx:2015" exported="2012-04-01T00:00:00.000Z">');
    expect(adx).toContain('<group dataSet="HF_MONTHLY" orgUnit="640104" period="2012-03-01/P1M" completeDate="2012-04-01">');
    expect(adx).toContain('<dataValue dataElement="HF_HH_ENROLLED" category="HF_CAT_STABLE" value="12"/>');
    expect(adx).toContain('<dataValue dataElement="HF_SATISFIED" value="9"/>');
  });
});
