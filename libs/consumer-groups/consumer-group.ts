/**
 * Consumer groups: EventStoreDB's persistent subscriptions, on our store. Several consumers share a group's
 * events; each event is leased to one consumer until it is acknowledged, its lease expires (redelivery) or
 * it has been delivered `maxDeliveries` times (parked, until replayed). A stream is locked to the consumer
 * that holds leases on it, so one stream's events go to one consumer at a time and in log order.
 */
import { DomainError } from '../domain/shared/domain-error';
import { EventFilter, Position } from '../event-store';
import { PublicEvent } from '../redaction';

export interface GroupSettings {
  filter: EventFilter;
  /** Where the group starts, exclusive: the log's start, its end when the group is created, or a position. */
  from: Position | 'start' | 'end';
  maxDeliveries: number;
  leaseMs: number;
  /** The org unit whose events it receives: the creating token's (the city's receives everything). */
  scope: string;
}

export interface GroupView {
  name: string;
  scope: string;
  filter: { types: string[] | null; streams: string[] | null };
  from: string;
  maxDeliveries: number;
  leaseMs: number;
  /** How far into the log the group has taken events; null before its first event. */
  checkpoint: string | null;
  pending: { ready: number; leased: number; parked: number };
  acknowledged: number;
}

/** One event handed to a consumer; `attempt` counts deliveries of it, from 1. */
export interface Delivery extends PublicEvent {
  attempt: number;
}

export interface Claimed {
  events: Delivery[];
  /** ISO-8601 UTC; null when nothing was claimed. */
  leaseExpiresAt: string | null;
}

export interface Acknowledged {
  acknowledged: string[];
  /** Ids not leased to this consumer (never, any more, or redelivered to another after expiry). */
  notHeld: string[];
}

export interface Nacked {
  /** Back in the queue for redelivery. */
  retried: string[];
  parked: string[];
  notHeld: string[];
}

export interface ParkedEvent extends PublicEvent {
  attempts: number;
  reason: string | null;
  parkedAt: string;
}

export const DEFAULT_MAX_DELIVERIES = 5;
export const DEFAULT_LEASE_MS = 30_000;

export class ConsumerGroupNotFoundError extends DomainError {
  constructor(name: string) {
    super('consumer-group-not-found', `no consumer group "${name}"`, 'not-found');
  }
}

/** PUT may change delivery settings, but not what the group reads or where it started. */
export class ConsumerGroupConflictError extends DomainError {
  constructor(name: string, what: string) {
    super('consumer-group-exists', `consumer group "${name}" exists with another ${what}`, 'conflict');
  }
}
