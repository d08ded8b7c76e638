import { testNamespace, type TestNamespace } from '@kollegia/testing';
import mongoose, { type Connection, type mongo } from 'mongoose';

/** A conformance test file's own database, through mongoose and through the plain driver. */
export interface ConformanceDatabase {
  ns: TestNamespace;
  /** A mongoose connection (`autoIndex: false`, as the services open theirs). */
  connection: Connection;
  /** The same database through the driver mongoose ships (what `model.collection` wraps). */
  db: mongo.Db;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that open the test file's own database (see
 * `testNamespace`) and drop it afterwards; call once at the top of a test file. Only plain driver
 * and mongoose calls are made, so the suite runs unchanged against any MongoDB through MONGO_URL.
 */
export function useConformanceDatabase(label: string): () => ConformanceDatabase {
  const ns = testNamespace(label);
  let opened: ConformanceDatabase | undefined;
  beforeAll(async () => {
    const connection = await mongoose
      .createConnection(ns.mongoUrl, { dbName: ns.dbName, autoIndex: false, autoCreate: true })
      .asPromise();
    opened = { ns, connection, db: connection.getClient().db(ns.dbName) };
  });
  afterAll(async () => {
    if (!opened) return;
    await opened.connection.dropDatabase();
    await opened.connection.close();
  });
  return () => {
    if (!opened) throw new Error('the conformance database is opened in beforeAll');
    return opened;
  };
}

/** The server's error code of a rejected write (E11000 is 11000), or undefined. */
export function errorCode(error: unknown): unknown {
  return error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
}
