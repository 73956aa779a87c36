/** What the consumer-group endpoints answer (described by the Swagger plugin from these types). */
import { PublicEventDto } from '../feed/answers.dto';

export class GroupFilterDto {
  types!: string[] | null;
  streams!: string[] | null;
}

export class PendingDto {
  ready!: number;
  leased!: number;
  parked!: number;
}

export class ConsumerGroupView {
  name!: string;
  /** The org unit whose events the group receives: that of the token that created it (640100: the whole city). */
  scope!: string;
  filter!: GroupFilterDto;
  from!: string;
  maxDeliveries!: number;
  leaseMs!: number;
  /** How far into the log the group has taken events; null before its first event. */
  checkpoint!: string | null;
  pending!: PendingDto;
  acknowledged!: number;
}

export class DeliveryDto extends PublicEventDto {
  /** Counts deliveries of this event to the group, from 1. */
  attempt!: number;
}

export class ClaimAnswer {
  events!: DeliveryDto[];
  /** When the lease on these events ends; null when nothing was claimed. */
  leaseExpiresAt!: string | null;
}

export class AckAnswer {
  acknowledged!: string[];
  /** Ids not leased to this consumer (never, any more, or redelivered to another after expiry). */
  notHeld!: string[];
}

export class NackAnswer {
  /** Back in the queue for redelivery. */
  retried!: string[];
  parked!: string[];
  notHeld!: string[];
}

export class ParkedEventDto extends PublicEventDto {
  attempts!: number;
  reason!: string | null;
  parkedAt!: string;
}

export class ParkedAnswer {
  events!: ParkedEventDto[];
}

export class ReplayAnswer {
  replayed!: number;
}

/** A page of GET /consumer-groups, in name order. */
export class ConsumerGroupPage {
  groups!: ConsumerGroupView[];
  /** Cursor of the next page (also in the Link header); null on the last page. */
  next!: string | null;
}
