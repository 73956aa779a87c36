/** What the erasure, restriction and access-log endpoints answer. */

export class PersonalDataAnswer {
  householdId!: string;
  /** The household's personal data from now on. */
  personalData!: 'erased' | 'restricted' | 'active';
  legalBasis?: string;
}

export class AccessLogAnswer {
  /** Reads of personal data by auditors and administrators: who, which route and path, when, and the purpose stated. */
  reads!: object[];
}
