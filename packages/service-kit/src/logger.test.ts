import { logLevel } from 'kafkajs';

import { kafkaLogLevel } from './logger';

describe('kafkaLogLevel', () => {
  it.each([
    [
      'a broker error response kafkajs retries',
      'Connection',
      logLevel.ERROR,
      'Response Metadata(key: 3, version: 6)',
      'debug',
    ],
    [
      'a consumer crash the kit restarts',
      'Consumer',
      logLevel.ERROR,
      'Crash: KafkaJSProtocolError: The coordinator is loading',
      'warn',
    ],
    [
      'the restart kafkajs announces',
      'Consumer',
      logLevel.ERROR,
      'Restarting the consumer in 300ms',
      'warn',
    ],
    [
      'a write on the connection of a consumer that crashed',
      'Connection',
      logLevel.ERROR,
      'Connection error: write after end',
      'warn',
    ],
    ['any other error', 'Producer', logLevel.ERROR, 'Failed to send messages', 'error'],
    [
      'a connection error that is no response',
      'Connection',
      logLevel.ERROR,
      'Connection error: ECONNREFUSED',
      'error',
    ],
    ['a warning', 'Connection', logLevel.WARN, 'Response Metadata(key: 3, version: 6)', 'warn'],
    ['information', 'Consumer', logLevel.INFO, 'Starting', 'info'],
  ])('should log %s at the right level', (_label, namespace, level, message, expected) => {
    expect(kafkaLogLevel(namespace, level, message)).toBe(expected);
  });
});
