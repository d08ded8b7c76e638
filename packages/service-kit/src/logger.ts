import { logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear in a log line: secrets and personal contacts. */
const REDACT = [
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'token',
  '*.token',
  'password',
  '*.password',
  'contacts',
  '*.contacts',
  'email',
  '*.email',
  'phone',
  '*.phone',
];

/** The one logger of a process: JSON lines (pipe through pino-pretty to read them). */
export function createLogger(options: { service: string; level: string }): Logger {
  return pino({
    name: options.service,
    level: options.level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
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
