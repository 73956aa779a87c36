/**
 * The reference data shipped with the project, loaded once at import (JSON modules are cached by the
 * runtime). Deciders receive it as a parameter; this module only supplies the default instance.
 */
import departments from './departments.v2.json';
import loanProgrammes from './loan-programmes.v2.json';
import orgUnits from './org-units.v1.json';
import serviceTypes from './service-types.v2.json';
import { ReferenceData } from './reference-data';
import { OrgUnitsFile } from './types';

export * from './reference-data';
export * from './types';

export const referenceData = new ReferenceData({
  // JSON imports widen `level`/`kind` to string; the constructor's integrity checks and the unit tests stand in.
  orgUnits: orgUnits as OrgUnitsFile,
  departments,
  serviceTypes,
  loanProgrammes,
});
