/** What the pilot-village endpoints answer (OpenAPI schemas; the compiler holds the handlers to them). */
export class PilotVillageWritten {
  villageCode!: string;
  /** Pilot after a designation, NotPilot after a withdrawal. */
  status!: 'Pilot' | 'NotPilot';
  /** Revision of the village's designation stream (also the ETag). */
  revision!: number;
  /** Global position of the event appended, as text. */
  position?: string;
}

export class PilotVillageView {
  villageCode!: string;
  revision!: number;
  status!: 'Pilot' | 'NotPilot';
  /** How many times the village has been designated. */
  designations!: number;
}
