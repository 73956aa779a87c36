/**
 * OpenTelemetry for the service's own spans (append, projection batch, publish). Spans are exported only
 * when an OTLP endpoint is configured (the SDK's standard OTEL_EXPORTER_OTLP_* settings); otherwise no
 * provider is registered and the API's no-op tracer costs next to nothing, while the traceparent still
 * travels with every event.
 */
import { Context, Link, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingSettings {
  /** OTLP/HTTP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT or _TRACES_ENDPOINT); unset = nothing exported. */
  otlpEndpoint?: string;
  serviceName: string;
  /** Processors to use instead of the OTLP exporter (a test's in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

let provider: NodeTracerProvider | undefined;

/** Registers the process's tracer provider once; later calls (a second app in one process) keep the first. */
export function startTracing(settings: TracingSettings): { shutdown(): Promise<void> } {
  const processors = settings.spanProcessors ?? (settings.otlpEndpoint ? [new BatchSpanProcessor(new OTLPTraceExporter())] : []);
  if (provider || processors.length === 0) return { shutdown: async () => undefined };
  const started = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    spanProcessors: processors,
  });
  started.register();
  provider = started;
  return {
    shutdown: async () => {
      if (provider !== started) return;
      provider = undefined;
      await started.shutdown();
    },
  };
}

export function tracer(): Tracer {
  return trace.getTracer('family-ledger');
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Record<string, string | number | boolean>;
  links?: Link[];
  /** The parent: an event's trace; else the active context. */
  parent?: Context;
}

/** Runs `work` inside a span that records its failure; the span ends when `work` settles. */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const { parent, ...spanOptions } = options;
  const run = async (span: Span) => {
    try {
      return await work(span);
    } catch (error) {
      // The error's name only: messages may quote input, and spans leave the process.
      const type = (error as Error)?.name ?? 'Error';
      span.setAttribute('error.type', type);
      span.setStatus({ code: SpanStatusCode.ERROR, message: type });
      throw error;
    } finally {
      span.end();
    }
  };
  return parent ? tracer().startActiveSpan(name, spanOptions, parent, run) : tracer().startActiveSpan(name, spanOptions, run);
}
