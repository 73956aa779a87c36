/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) as events carry it: a command's `traceparent`
 * is kept in the metadata of the events it appends, so the feed, the relay, consumer groups and projections
 * can continue the caller's trace. Parsing is OpenTelemetry's own propagator, not a regular expression of ours.
 */
import { randomBytes } from 'node:crypto';
import {
  Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanContext,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

const w3c = new W3CTraceContextPropagator();

/** What a command or event carries: the `traceparent` header, and `tracestate` when the caller sent one. */
export interface TraceHeaders {
  traceparent: string;
  tracestate?: string;
}

/**
 * The trace a request continues. A missing or malformed `traceparent` starts a new trace, as the W3C
 * recommendation requires of a receiver (it never refuses the request for it).
 */
export function traceOfRequest(traceparent: string | undefined, tracestate: string | undefined): TraceHeaders {
  const context = contextOf({ traceparent: traceparent ?? '', tracestate });
  return context ? headersOf(context) : { traceparent: newTraceparent() };
}

/** The context an event or message continues, or undefined when it carries no valid traceparent. */
export function contextOf(metadata: object | undefined): Context | undefined {
  const carrier = metadata as { traceparent?: unknown; tracestate?: unknown } | undefined;
  if (typeof carrier?.traceparent !== 'string') return undefined;
  const headers: Record<string, string> = { traceparent: carrier.traceparent };
  if (typeof carrier.tracestate === 'string') headers.tracestate = carrier.tracestate;
  const context = w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
  const span = trace.getSpanContext(context);
  return span && isSpanContextValid(span) ? context : undefined;
}

/** The headers that name `context`'s span as the parent of what comes next. */
export function headersOf(context: Context): TraceHeaders {
  const carrier: Record<string, string> = {};
  w3c.inject(context, carrier, defaultTextMapSetter);
  return { traceparent: carrier.traceparent, ...(carrier.tracestate && { tracestate: carrier.tracestate }) };
}

/** The span contexts of the events' traces (for links from a span that handles many events at once). */
export function spanContextsOf(carriers: readonly (object | undefined)[], max = 64): SpanContext[] {
  const found: SpanContext[] = [];
  for (const carrier of carriers) {
    const context = contextOf(carrier);
    const span = context && trace.getSpanContext(context);
    if (span) found.push(span);
    if (found.length === max) break;
  }
  return found;
}

function newTraceparent(): string {
  const flags = TraceFlags.SAMPLED.toString(16).padStart(2, '0');
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-${flags}`;
}
