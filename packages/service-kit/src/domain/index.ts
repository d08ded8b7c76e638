/**
 * What `domain/` code may import from the kit (`@kollegia/service-kit/domain`): errors with codes,
 * shared input checks and small object helpers. No GraphQL, mongoose or Kafka behind it.
 */
export * from './errors';
export * from './objects';
export * from './validation';
