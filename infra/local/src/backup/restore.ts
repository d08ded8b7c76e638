import { join } from 'node:path';

import { BSON, type Collection, type Document, type MongoClient } from 'mongodb';

import { connect } from './backup';
import {
  BackupError,
  readBsonDocuments,
  readVerifiedManifest,
  type BackupManifest,
} from './manifest';

export interface RestoreOptions {
  mongoUrl: string;
  dir: string;
  /** Default: every database of the backup. */
  databases?: string[];
  /** Drop databases that hold documents and restore over them; without it they are refused. */
  force?: boolean;
  log?: (line: string) => void;
}

/** Documents per insert: well under the 16 MB message limit for the documents we keep. */
const INSERT_BATCH = 500;

/**
 * Restores a backup made by `backupDatabases`: checks the whole backup and every target database
 * first (nothing changes when the backup is incomplete, or when a target holds documents and
 * `force` is not given), then per database drops it, creates its collections, loads their
 * documents and builds their indexes one at a time (concurrent index builds have crashed the
 * embedded engine, docs/adr/0009).
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const { dir, log = () => undefined } = options;
  const manifest = await readVerifiedManifest(dir);
  const inBackup = manifest.databases.map((db) => db.name);
  const unknown = (options.databases ?? []).filter((name) => !inBackup.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `the backup in ${dir} has no database ${unknown.join(', ')}; it holds ${inBackup.join(', ')}`,
    );
  }
  const chosen = manifest.databases.filter(
    (db) => !options.databases || options.databases.includes(db.name),
  );
  const client = await connect(options.mongoUrl);
  try {
    const occupied = await databasesWithDocuments(
      client,
      chosen.map((db) => db.name),
    );
    if (occupied.length > 0 && !options.force) {
      throw new BackupError(
        `not restoring over databases that hold documents: ${occupied.join(', ')}; nothing was changed. Restore with --force to drop and replace them`,
      );
    }
    for (const database of chosen) {
      const db = client.db(database.name);
      await db.dropDatabase();
      for (const collection of database.collections) {
        const target = await db.createCollection(collection.name, collection.options);
        await loadDocuments(target, join(dir, collection.file));
        for (const index of collection.indexes) {
          const { key, v: _version, ns: _namespace, ...indexOptions } = index;
          await target.createIndex(key as Document, indexOptions);
        }
        log(
          `${database.name}.${collection.name}: ${collection.documents} documents, ${collection.indexes.length} indexes`,
        );
      }
    }
    return manifest;
  } finally {
    await client.close();
  }
}

async function databasesWithDocuments(client: MongoClient, names: string[]): Promise<string[]> {
  const occupied: string[] = [];
  for (const name of names) {
    const db = client.db(name);
    const collections = await db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name: collection } of collections) {
      if (await db.collection(collection).findOne({}, { projection: { _id: 1 } })) {
        occupied.push(name);
        break;
      }
    }
  }
  return occupied;
}

async function loadDocuments(collection: Collection, path: string): Promise<void> {
  let batch: Document[] = [];
  for await (const bytes of readBsonDocuments(path)) {
    // Numbers stay the BSON types they were (an int64 is not made a double), regexes keep flags.
    batch.push(BSON.deserialize(bytes, { promoteValues: false, bsonRegExp: true }));
    if (batch.length === INSERT_BATCH) {
      await collection.insertMany(batch, { ordered: true });
      batch = [];
    }
  }
  if (batch.length > 0) await collection.insertMany(batch, { ordered: true });
}
