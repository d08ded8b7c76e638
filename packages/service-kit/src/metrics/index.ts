// What a process without the rest of the kit (the web board's server) needs: no database,
// Kafka or GraphQL server comes with it.
export * from './metrics';
export * from './server';
export * from './http';
