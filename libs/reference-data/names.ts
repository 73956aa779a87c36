/**
 * Chinese and English names of the reference data (names.v1.json), beside the codes that events store.
 * Built once and checked on construction: a code without a name in both languages, or a name for a code
 * that does not exist, stops start-up. Not exported from ./index: it reads the domain's code lists,
 * and the domain reads ./index.
 */
import { FOCUS_AREAS, HOUSEHOLD_CATEGORIES, NEED_KINDS, SATISFACTION_RESPONSES } from '../domain/household/events';
import { BORROWER_GROUPS } from '../domain/loan/events';
import { referenceData } from './index';
import namesFile from './names.v1.json';
import { ReferenceData } from './reference-data';
import { OrgUnit, OrgUnitLevel } from './types';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalisedName = Record<Language, string>;

export interface NamedItem {
  code: string;
  name: LocalisedName;
}

export interface OrgUnitItem extends NamedItem {
  level: OrgUnitLevel;
  parent: string | null;
}

type NamesFile = typeof namesFile;

const VILLAGE_NAME = /^(\w+) (Community|Village) (\d+)$/;

function fixed<T extends string>(codes: readonly T[], names: Record<string, LocalisedName>, what: string): NamedItem[] {
  const extra = Object.keys(names).find((code) => !(codes as readonly string[]).includes(code));
  if (extra) throw new Error(`reference names: ${what} ${extra} is not a known code`);
  return codes.map((code) => {
    const name = names[code];
    if (!name?.['zh-CN'] || !name.en) throw new Error(`reference names: ${what} ${code} has no name in both languages`);
    return { code, name: { 'zh-CN': name['zh-CN'], en: name.en } };
  });
}

function chineseOf(table: Record<string, string>, code: string, what: string): string {
  const name = table[code];
  if (!name) throw new Error(`reference names: ${what} ${code} has no Chinese name`);
  return name;
}

export class ReferenceNames {
  readonly orgUnits: readonly OrgUnitItem[];
  readonly catalogue: Readonly<
    Record<
      | 'categories'
      | 'focusAreas'
      | 'needKinds'
      | 'borrowerGroups'
      | 'satisfactionResponses'
      | 'departments'
      | 'serviceTypes'
      | 'loanPrograms',
      readonly NamedItem[]
    >
  >;
  private readonly byCode: ReadonlyMap<string, OrgUnitItem>;

  constructor(data: ReferenceData, names: NamesFile) {
    // Depth first from the city, parents before their children (the files' order).
    const units = data.unitsAt('city').flatMap((city) => [city, ...data.descendants(city.code)]);
    this.orgUnits = units.map((unit) => ({
      code: unit.code,
      level: unit.level,
      parent: unit.parent ?? null,
      name: this.unitName(unit, names),
    }));
    this.byCode = new Map(this.orgUnits.map((item) => [item.code, item]));
    const departments = names.departments as Record<string, string>;
    const serviceTypes = names.serviceTypes as Record<string, string>;
    const programmes = names.loanProgrammes as Record<string, string>;
    this.catalogue = {
      categories: fixed(HOUSEHOLD_CATEGORIES, names.categories, 'category'),
      focusAreas: fixed(FOCUS_AREAS, names.focusAreas, 'focus area'),
      needKinds: fixed(NEED_KINDS, names.needKinds, 'need kind'),
      borrowerGroups: fixed(BORROWER_GROUPS, names.borrowerGroups, 'borrower group'),
      satisfactionResponses: fixed(SATISFACTION_RESPONSES, names.satisfactionResponses, 'satisfaction response'),
      departments: data
        .allDepartments()
        .map((d) => ({ ...d, name: { 'zh-CN': chineseOf(departments, d.code, 'department'), en: d.name } })),
      serviceTypes: data
        .allServiceTypes()
        .map((t) => ({ ...t, name: { 'zh-CN': chineseOf(serviceTypes, t.code, 'service type'), en: t.name } })),
      loanPrograms: data
        .allLoanProgrammes()
        .map((p) => ({ ...p, name: { 'zh-CN': chineseOf(programmes, p.code, 'loan programme'), en: p.name } })),
    };
  }

  /** Real units by their code; synthetic villages from their English name's stem, kind and number. */
  private unitName(unit: OrgUnit, names: NamesFile): LocalisedName {
    if (unit.level !== 'village')
      return { 'zh-CN': chineseOf(names.orgUnits as Record<string, string>, unit.code, 'org unit'), en: unit.name };
    const [, stem, kind, number] = VILLAGE_NAME.exec(unit.name) ?? [];
    const zhStem = (names.villageStems as Record<string, string>)[stem ?? ''];
    if (!zhStem) throw new Error(`reference names: village ${unit.code} has a name outside the synthetic pattern`);
    return {
      'zh-CN': `${zhStem}${kind === 'Community' ? names.villageKinds.community['zh-CN'] : names.villageKinds.village['zh-CN']}${number}`,
      en: unit.name,
    };
  }

  orgUnit(code: string): OrgUnitItem | undefined {
    return this.byCode.get(code);
  }

  /**
   * The units a name given for an org unit stands for (`兴庆区`, `Xingqing District`): the one it names exactly,
   * else every unit it is part of the name of. One unit: the name stands for its code; none or several: it names
   * no unit (the caller says which). The scope check and the indicator reads resolve names by this one rule.
   */
  orgUnitsNamed(name: string): OrgUnitItem[] {
    const wanted = normalise(name);
    const found = this.searchOrgUnits(name);
    const exact = found.filter((unit) => [unit.name['zh-CN'], unit.name.en].some((text) => normalise(text) === wanted));
    return exact.length === 1 ? exact : found;
  }

  /** Units whose code or either name contains `q`, ignoring case and spaces ("xingqing", "兴庆", "640104"). */
  searchOrgUnits(q: string | undefined): OrgUnitItem[] {
    const needle = normalise(q ?? '');
    if (needle === '') return [...this.orgUnits];
    return this.orgUnits.filter((unit) => [unit.code, unit.name['zh-CN'], unit.name.en].some((text) => normalise(text).includes(needle)));
  }
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export const referenceNames = new ReferenceNames(referenceData, namesFile);

/** Which catalogue names the codes of an indicator dimension (indicator rows name their dimensions so). */
const DIMENSIONS: Record<string, keyof ReferenceNames['catalogue']> = {
  category: 'categories',
  focusArea: 'focusAreas',
  kind: 'needKinds',
  department: 'departments',
  serviceType: 'serviceTypes',
  programme: 'loanPrograms',
  borrowerGroup: 'borrowerGroups',
};

/** Names in `lang` of a row's org unit and of its dimension codes; codes nothing names are left out. */
export function rowNames(row: Record<string, unknown>, lang: Language, names: ReferenceNames = referenceNames): Record<string, string> {
  const found: Record<string, string> = {};
  if (typeof row.orgUnit === 'string') {
    const unit = names.orgUnit(row.orgUnit);
    if (unit) found.orgUnit = unit.name[lang];
  }
  for (const [dimension, kind] of Object.entries(DIMENSIONS)) {
    const code = row[dimension];
    const item = typeof code === 'string' ? names.catalogue[kind].find((entry) => entry.code === code) : undefined;
    if (item) found[dimension] = item.name[lang];
  }
  return found;
}
