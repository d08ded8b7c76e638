/**
 * What `domain/` code may import from the kit (`@kollegia/service-kit/domain`): errors with codes,
 * shared input checks and small object helpers. No GraphQL, mongoose or Kafka behind it.
 */
export * from './decision';
export * from './errors';
export * from './local-date';
export * from './search';
export * from './objects';
export * from './occurred';
export * from './validation';
export * from './group-by';
