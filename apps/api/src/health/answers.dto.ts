/** What `GET /health` answers when the service is ready (a 503 problem otherwise). */

export class HealthAnswer {
  status!: 'ok';
  database!: 'up';
  eventStore!: 'up';
  /** Each projection's lag behind the log, in events and seconds. */
  projections!: object[];
}
