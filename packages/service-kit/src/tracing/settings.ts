import { z } from 'zod';

/**
 * The OpenTelemetry settings a process reads (the standard `OTEL_*` names, so an operator's
 * collector setup carries over). Tracing is off unless an endpoint is set: no exporter, no context
 * manager, spans that record nothing.
 */
export const tracingSettings = {
  /** The collector's OTLP/HTTP base URL; traces go to `<it>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** The full traces URL, when it is not `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  /** The `service.name` of the spans; default the service's own name. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .default('parentbased_always_on'),
  /** The ratio of the `traceidratio` samplers, 0 to 1 (default 1). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  /** How long finished spans wait to be exported together, in ms. */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(0).default(5000),
};

export const tracingSettingsSchema = z.object(tracingSettings);
export type TracingSettings = z.infer<typeof tracingSettingsSchema>;

/** Where spans are exported, or none (tracing off). */
export function tracesEndpointOf(settings: TracingSettings): string | undefined {
  if (settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
    return settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = settings.OTEL_EXPORTER_OTLP_ENDPOINT;
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}
