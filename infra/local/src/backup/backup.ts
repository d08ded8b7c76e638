import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';

import { BSON, MongoClient, type Document } from 'mongodb';

import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  collectionFile,
  MANIFEST_FILE,
  type BackupManifest,
  type CollectionEntry,
} from './manifest';

/** The services' databases under their default names (`MONGO_DB` of each service's config). */
export const SERVICE_DATABASE_PREFIX = 'kollegia_';

export interface BackupOptions {
  mongoUrl: string;
  /** An empty or missing directory. */
  dir: string;
  /** Default: every database whose name begins with `kollegia_`. */
  databases?: string[];
  log?: (line: string) => void;
}

/**
 * A logical backup through the wire protocol: every collection of the chosen databases as a BSON
 * file of its documents (the bytes the server sent, so every type survives), with its options and
 * indexes in `manifest.json`, which is written last. Works against the embedded engine and MongoDB
 * alike. Each document is read whole, and an aggregate carries its own outbox, so every aggregate
 * comes back with the events it had not yet published; collections are read one after another,
 * not at one instant (docs/operations.md, "Back up and restore").
 */
export async function backupDatabases(options: BackupOptions): Promise<BackupManifest> {
  const { dir, log = () => undefined } = options;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new BackupError(`${dir} is not empty: back up into a new directory`);
  }
  const client = await connect(options.mongoUrl);
  try {
    const onServer = await databaseNames(client);
    const missing = (options.databases ?? []).filter((name) => !onServer.includes(name));
    if (missing.length > 0) {
      throw new BackupError(
        `no database ${missing.join(', ')} at ${withoutCredentials(options.mongoUrl)}; it has ${onServer.join(', ')}`,
      );
    }
    const names =
      options.databases ?? onServer.filter((name) => name.startsWith(SERVICE_DATABASE_PREFIX));
    if (names.length === 0) {
      throw new BackupError(
        `no database to back up at ${withoutCredentials(options.mongoUrl)} (none is named ${SERVICE_DATABASE_PREFIX}*)`,
      );
    }
    mkdirSync(dir, { recursive: true });
    const startedAt = new Date().toISOString();
    const databases: BackupManifest['databases'] = [];
    for (const name of names) {
      const db = client.db(name);
      const listed = await db
        .listCollections({ type: 'collection' }, { nameOnly: false })
        .toArray();
      const collections: CollectionEntry[] = [];
      for (const { name: collection, options: collectionOptions } of listed) {
        if (collection.startsWith('system.')) continue;
        const file = collectionFile(name, collection);
        const written = await writeDocuments(db.collection(collection), join(dir, file));
        const indexes = (await db.collection(collection).listIndexes().toArray()).filter(
          (index: Document) => index.name !== '_id_',
        ) as Document[];
        collections.push({
          name: collection,
          options: collectionOptions ?? {},
          indexes,
          file,
          ...written,
        });
        log(`${name}.${collection}: ${written.documents} documents, ${indexes.length} indexes`);
      }
      databases.push({ name, collections });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      startedAt,
      finishedAt: new Date().toISOString(),
      source: withoutCredentials(options.mongoUrl),
      databases,
    };
    const manifestPath = join(dir, MANIFEST_FILE);
    // Extended JSON: index and collection options may hold dates or regexes.
    writeFileSync(`${manifestPath}.partial`, `${BSON.EJSON.stringify(manifest, undefined, 2)}\n`);
    renameSync(`${manifestPath}.partial`, manifestPath);
    return manifest;
  } finally {
    await client.close();
  }
}

async function writeDocuments(
  collection: ReturnType<ReturnType<MongoClient['db']>['collection']>,
  path: string,
): Promise<Pick<CollectionEntry, 'documents' | 'bytes' | 'sha256'>> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  let documents = 0;
  let bytes = 0;
  try {
    // `raw`: each document as the server's BSON bytes, never turned into JavaScript values.
    for await (const raw of collection.find({}, { raw: true, batchSize: 1000 })) {
      const document = raw as unknown as Buffer;
      hash.update(document);
      documents += 1;
      bytes += document.length;
      if (!out.write(document)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { documents, bytes, sha256: hash.digest('hex') };
}

/** The databases on the server (`listDatabases`), in name order. */
async function databaseNames(client: MongoClient): Promise<string[]> {
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  return databases.map((db) => db.name).sort();
}

/** Connects, or says plainly that nothing answers there. */
export async function connect(mongoUrl: string): Promise<MongoClient> {
  try {
    return await MongoClient.connect(mongoUrl, { serverSelectionTimeoutMS: 5000 });
  } catch (error) {
    throw new BackupError(
      `the database at ${withoutCredentials(mongoUrl)} does not answer (${(error as Error).message}); for the local stack: npm run infra:up`,
    );
  }
}

/** A connection string fit for logs and manifests. */
export function withoutCredentials(mongoUrl: string): string {
  return mongoUrl.replace(/\/\/[^@/]*@/, '//');
}
