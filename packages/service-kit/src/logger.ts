import { isSpanContextValid, trace } from '@opentelemetry/api';
import { logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Fields that hold a secret or a person's contact, blanked out wherever they are logged. */
const SENSITIVE = [
  'authorization',
  'cookie',
  'x-kollegia-gateway',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
  'secret',
  'contacts',
  'email',
  'phone',
  'phones',
  // A duplicate-key error's values: the unique field, possibly an address.
  'keyValue',
];

/**
 * The paths pino blanks out: each sensitive field at the top of a line or up to three objects
 * down (`err.keyValue`, `req.headers.authorization`, `input.contacts.email`).
 */
const REDACT = SENSITIVE.map((field) => `["${field}"]`).flatMap((field) => [
  field,
  `*${field}`,
  `*.*${field}`,
  `*.*.*${field}`,
]);

/** The active span's ids on every line logged inside one, to find a line's trace and back. */
function traceIds(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return isSpanContextValid(span.spanContext()) ? { trace_id: traceId, span_id: spanId } : {};
}

/** The one logger of a process: JSON lines (pipe through pino-pretty to read them). */
export function createLogger(
  options: { service: string; level: string },
  /** Where lines go: stdout, unless a test reads them. */
  destination?: DestinationStream,
): Logger {
  const settings: LoggerOptions = {
    name: options.service,
    level: options.level,
    redact: { paths: REDACT, censor: '[redacted]' },
    mixin: traceIds,
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(settings, destination) : pino(settings);
}

const KAFKA_TO_PINO: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/**
 * The level a kafkajs line is logged at. kafkajs logs every error response of the broker at
 * ERROR on the connection, also those it then retries or its caller handles (no leader yet for a
 * new topic, a group coordinator still loading, a topic that exists already) — dozens of lines on
 * every first start. A failure that stays a failure reaches the caller, which logs it, so those
 * lines are debug. A consumer crash is a warning (and a write on the connection it was closing):
 * the kit's consumers are started again after any crash (resilient-consumer.ts), which logs what
 * it does.
 */
export function kafkaLogLevel(
  namespace: string,
  level: KafkaLogLevel,
  message: string,
): 'error' | 'warn' | 'info' | 'debug' {
  if (level === KafkaLogLevel.ERROR) {
    if (namespace === 'Connection' && message.startsWith('Response ')) return 'debug';
    // A request written on a connection a crashed consumer was closing: that consumer restarts.
    if (namespace === 'Connection' && message === 'Connection error: write after end')
      return 'warn';
    if (namespace === 'Consumer' && /^(Crash|Restarting the consumer)/.test(message)) return 'warn';
  }
  return KAFKA_TO_PINO[level] ?? 'info';
}

/** Routes kafkajs's own logs into the service's pino logger. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      logger[kafkaLogLevel(namespace, level, message)]({ kafka: namespace, ...extra }, message);
    };
}
