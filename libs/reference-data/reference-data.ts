/**
 * The reference data the rules check commands against: the org-unit tree, departments, service types and
 * loan programmes. Built once from the versioned files; it checks their integrity on construction, so a
 * broken file stops start-up instead of letting a command through against a half-valid tree.
 */
import { Department, LoanProgramme, OrgUnit, OrgUnitLevel, ReferenceDataFiles, ServiceType } from './types';

const LEVELS: readonly OrgUnitLevel[] = ['city', 'district', 'township', 'village'];

function indexByCode<T extends { code: string }>(items: readonly T[], what: string): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.code)) throw new Error(`reference data: duplicate ${what} code ${item.code}`);
    map.set(item.code, item);
  }
  return map;
}

/** A partnership ceiling below one partner's cap would make the partnership form smaller than an individual loan. */
function checkPartnership({ code, principalCapFen, partnership }: LoanProgramme): void {
  if (partnership === undefined) return;
  const { totalCapFen } = partnership;
  if (!Number.isSafeInteger(totalCapFen) || totalCapFen <= principalCapFen) {
    throw new Error(
      `reference data: loan programme ${code} has a partnership ceiling of ${totalCapFen} fen, not above its ${principalCapFen} fen cap per borrower`,
    );
  }
}

export class ReferenceData {
  /** Versions of the files this instance was built from, e.g. `org-units.v1+departments.v1+...`. */
  readonly version: string;
  private readonly units: ReadonlyMap<string, OrgUnit>;
  private readonly children = new Map<string, OrgUnit[]>();
  private readonly departments: ReadonlyMap<string, Department>;
  private readonly serviceTypes: ReadonlyMap<string, ServiceType>;
  private readonly loanProgrammes: ReadonlyMap<string, LoanProgramme>;

  constructor(files: ReferenceDataFiles) {
    this.version = [files.orgUnits, files.departments, files.serviceTypes, files.loanProgrammes].map((f) => f.version).join('+');
    this.units = indexByCode(files.orgUnits.units, 'org unit');
    this.departments = indexByCode(files.departments.departments, 'department');
    this.serviceTypes = indexByCode(files.serviceTypes.serviceTypes, 'service type');
    this.loanProgrammes = indexByCode(files.loanProgrammes.loanProgrammes, 'loan programme');
    this.linkTree();
    for (const type of this.serviceTypes.values()) {
      const unknown = type.departments.find((code) => !this.departments.has(code));
      if (unknown) throw new Error(`reference data: service type ${type.code} names unknown department ${unknown}`);
    }
    for (const programme of this.loanProgrammes.values()) checkPartnership(programme);
  }

  /** Each unit's parent must sit exactly one level up: that also rules out cycles, which would hang ancestors(). */
  private linkTree(): void {
    for (const unit of this.units.values()) {
      const depth = LEVELS.indexOf(unit.level);
      const parent = unit.parent === undefined ? undefined : this.units.get(unit.parent);
      const parentDepth = parent === undefined ? -1 : LEVELS.indexOf(parent.level);
      if (depth < 0 || parentDepth !== depth - 1 || (unit.parent !== undefined && parent === undefined)) {
        throw new Error(`reference data: org unit ${unit.code} (${unit.level}) does not fit under ${unit.parent ?? 'nothing'}`);
      }
      if (parent) this.children.set(parent.code, (this.children.get(parent.code) ?? []).concat(unit));
    }
  }

  orgUnit(code: string): OrgUnit | undefined {
    return this.units.get(code);
  }

  /** The org unit when it is a village or community; undefined for any other level or unknown code. */
  village(code: string): OrgUnit | undefined {
    const unit = this.units.get(code);
    return unit?.level === 'village' ? unit : undefined;
  }

  level(code: string): OrgUnitLevel | undefined {
    return this.units.get(code)?.level;
  }

  /** From the parent up to the city, nearest first; empty for the city and for unknown codes. */
  ancestors(code: string): OrgUnit[] {
    const chain: OrgUnit[] = [];
    for (let parent = this.units.get(code)?.parent; parent !== undefined; parent = this.units.get(parent)?.parent) {
      chain.push(this.units.get(parent)!);
    }
    return chain;
  }

  /** Every unit below `code`, depth first in file order; empty for villages and unknown codes. */
  descendants(code: string): OrgUnit[] {
    return (this.children.get(code) ?? []).flatMap((child) => [child, ...this.descendants(child.code)]);
  }

  /** Units one level below `code`. */
  childrenOf(code: string): OrgUnit[] {
    return [...(this.children.get(code) ?? [])];
  }

  /** Every org unit at one level, in file order. */
  unitsAt(level: OrgUnitLevel): OrgUnit[] {
    return [...this.units.values()].filter((unit) => unit.level === level);
  }

  department(code: string): Department | undefined {
    return this.departments.get(code);
  }

  serviceType(code: string): ServiceType | undefined {
    return this.serviceTypes.get(code);
  }

  loanProgramme(code: string): LoanProgramme | undefined {
    return this.loanProgrammes.get(code);
  }

  allDepartments(): Department[] {
    return [...this.departments.values()];
  }

  allServiceTypes(): ServiceType[] {
    return [...this.serviceTypes.values()];
  }

  allLoanProgrammes(): LoanProgramme[] {
    return [...this.loanProgrammes.values()];
  }
}
