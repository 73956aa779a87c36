/**
 * A data value set in DHIS2's three exchange formats: JSON (`dataValues`), CSV with DHIS2's own header, and
 * ADX (the IHE profile DHIS2 imports), whose periods are ISO intervals and whose combos are written as the
 * data element's disaggregation attribute.
 */
import { DataSetMapping, DEFAULT_COMBO } from './mapping';
import { DataValueSet } from './data-value-sets';
import { localDateOf } from '../calendar';
import { isoInterval } from './periods';

export const DHIS2_CSV_HEADER = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup';

export function toDhis2Csv(set: DataValueSet): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = set.dataValues.map((v) =>
    [
      v.dataElement,
      v.period,
      v.orgUnit,
      v.categoryOptionCombo,
      v.attributeOptionCombo,
      v.value,
      v.storedBy,
      v.lastUpdated,
      v.comment,
      String(v.followup),
    ]
      .map(cell)
      .join(','),
  );
  return [DHIS2_CSV_HEADER, ...lines].join('\n') + '\n';
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The programme calendar's date of an instant (Beijing time): a UTC slice is the previous day before 08:00 there. */
function localDay(instant: string): string {
  const { year, month, day } = localDateOf(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ADX: one group per org unit and period; a disaggregated value carries its combo as an attribute named after the disaggregation. */
export function toAdx(set: DataValueSet, dataSet: DataSetMapping, exported: string): string {
  const groups = new Map<string, DataValueSet['dataValues']>();
  for (const value of set.dataValues) {
    const key = `${value.orgUnit}\u0000${value.period}`;
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  const disaggregationOf = new Map(dataSet.dataElements.map((e) => [e.code, e.disaggregation]));
  const body = [...groups.entries()].map(([key, values]) => {
    const [orgUnit, period] = key.split('\u0000');
    const lines = values.map((v) => {
      const dimension = disaggregationOf.get(v.dataElement);
      const combo = dimension && v.categoryOptionCombo !== DEFAULT_COMBO ? ` ${dimension}="${xml(v.categoryOptionCombo)}"` : '';
      return `    <dataValue dataElement="${xml(v.dataElement)}"${combo} value="${xml(v.value)}"/>`;
    });
    return `  <group dataSet="${xml(set.dataSet)}" orgUnit="${xml(orgUnit)}" period="${isoInterval(period)}" completeDate="${localDay(exported)}">\n${lines.join('\n')}\n  </group>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${xml(exported)}">\n${body.join('\n')}\n</adx>\n`;
}
