import mongoose, { type Connection } from 'mongoose';

import type { Logger } from './logger';

/**
 * Opens the service's own database. Indexes are not built implicitly (`autoIndex: false`): each
 * service calls `syncIndexes()` for its models at start, so a failing index fails the boot.
 *
 * Works against MongoDB and FerretDB 1.24 alike; see docs/adr/0005 for what the code must avoid.
 */
export async function connectMongo(
  url: string,
  dbName: string,
  logger: Logger,
): Promise<Connection> {
  const connection = mongoose.createConnection(url, {
    dbName,
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS: 10_000,
  });
  connection.on('disconnected', () => logger.warn({ dbName }, 'mongo disconnected'));
  connection.on('reconnected', () => logger.info({ dbName }, 'mongo reconnected'));
  await connection.asPromise();
  return connection;
}

/** A `ping` round trip, for readiness. */
export async function pingMongo(connection: Connection): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('mongo is not connected');
  await db.command({ ping: 1 });
}
