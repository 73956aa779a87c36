/** Which service types answer a focus area, and which departments may deliver each (from the reference data). */
import { FocusArea, FOCUS_AREAS } from '../domain/household/events';
import { ServiceType } from '../reference-data/types';
import { ReferenceData } from '../reference-data/reference-data';
import { Random } from './random';

export class ServiceCatalogue {
  private readonly byFocus: Record<FocusArea, ServiceType[]>;

  constructor(reference: ReferenceData) {
    const types = reference.allServiceTypes();
    this.byFocus = Object.fromEntries(FOCUS_AREAS.map((area) => [area, types.filter((t) => t.focusAreas.includes(area))])) as Record<
      FocusArea,
      ServiceType[]
    >;
    const missing = FOCUS_AREAS.filter((area) => this.byFocus[area].length === 0);
    if (missing.length) throw new Error(`reference data: no service type counts towards ${missing.join(', ')}`);
  }

  pick(random: Random, focusArea: FocusArea): { serviceTypeCode: string; departmentCode: string } {
    const type = random.pick(this.byFocus[focusArea]);
    return { serviceTypeCode: type.code, departmentCode: random.pick(type.departments) };
  }
}
