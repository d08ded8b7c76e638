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

/** Routes kafkajs's own logs into the service's pino logger. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const method = KAFKA_TO_PINO[level] ?? 'info';
      logger[method]({ kafka: namespace, ...extra }, message);
    };
}
