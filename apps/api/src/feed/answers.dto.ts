/** What the feed endpoints answer (described by the Swagger plugin from these types). */

/** An event as other services receive it: personal fields stripped unless the caller may receive them. */
export class PublicEventDto {
  id!: string;
  stream!: string;
  /** Revision in its stream, as text. */
  revision!: string;
  /** Global log position, as text (positions exceed 2^53); resume after it with `from`. */
  position!: string;
  type!: string;
  data!: object;
  /** actor, occurredAt, correlationId, causationId, schema version. */
  metadata!: object;
  recordedAt!: string;
}

export class FeedPage {
  events!: PublicEventDto[];
  /** The position to ask from next time; null when nothing was found. */
  next!: string | null;
}
