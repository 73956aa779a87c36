/** What the projection administration endpoints answer. */

export class ProjectionsAnswer {
  /** Each projection: status (running, rebuilding, stopped), versions, checkpoint, lag, rebuild in progress, parked events. */
  projections!: object[];
}

export class RetryAnswer {
  projection!: string;
  retried!: number;
  resolved!: number;
  stillParked!: number;
}
