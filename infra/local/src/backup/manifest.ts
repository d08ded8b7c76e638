import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BSON, type Document } from 'mongodb';

/** What a backup directory says it is; anything else is refused by `restore`. */
export const BACKUP_FORMAT = 'kollegia-database-backup';
/** Bumped when the layout changes; a restore reads only the versions it knows. */
export const BACKUP_FORMAT_VERSION = 1;
/** Written last: a directory without it is a backup that did not finish. */
export const MANIFEST_FILE = 'manifest.json';

export interface CollectionEntry {
  name: string;
  /** `listCollections` options (capped, validators, …), given back to `create` on restore. */
  options: Document;
  /** `listIndexes` specs without `_id_`, built one at a time after the documents. */
  indexes: Document[];
  /** Relative to the backup directory: the documents as BSON, one after another (mongodump's layout). */
  file: string;
  documents: number;
  bytes: number;
  sha256: string;
}

export interface DatabaseEntry {
  name: string;
  collections: CollectionEntry[];
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  /** When the first collection was read: replay Kafka from a point before this (docs/operations.md). */
  startedAt: string;
  finishedAt: string;
  /** The server it came from, without credentials. */
  source: string;
  databases: DatabaseEntry[];
}

/** A backup that cannot be made or restored as asked; the message says why and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** The file of a collection's documents; names are escaped so any collection name is a file name. */
export function collectionFile(database: string, collection: string): string {
  return join(encodeURIComponent(database), `${encodeURIComponent(collection)}.bson`);
}

/**
 * Reads a backup's manifest and checks every file against it (size, digest, document count), so a
 * restore refuses an incomplete or damaged backup before it changes anything.
 */
export async function readVerifiedManifest(dir: string): Promise<BackupManifest> {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) {
    throw new BackupError(
      `${dir} is not a complete backup: it has no ${MANIFEST_FILE} (written when a backup finishes)`,
    );
  }
  let manifest: Partial<BackupManifest>;
  try {
    manifest = BSON.EJSON.parse(readFileSync(path, 'utf8')) as Partial<BackupManifest>;
  } catch (error) {
    throw new BackupError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${dir} is not a backup this version can restore: format ${JSON.stringify(manifest.format)} version ${JSON.stringify(manifest.version)}, expected ${BACKUP_FORMAT} version ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const complete = manifest as BackupManifest;
  for (const database of complete.databases) {
    for (const collection of database.collections) {
      const found = await measureFile(join(dir, collection.file));
      if (
        found === undefined ||
        found.bytes !== collection.bytes ||
        found.sha256 !== collection.sha256 ||
        found.documents !== collection.documents
      ) {
        throw new BackupError(
          `${dir} is incomplete or damaged: ${collection.file} ${found ? `holds ${found.documents} documents (${found.bytes} bytes)` : 'is missing'}, the manifest says ${collection.documents} (${collection.bytes} bytes)${found && found.bytes === collection.bytes ? ' with another digest' : ''}`,
        );
      }
    }
  }
  return complete;
}

async function measureFile(
  path: string,
): Promise<{ bytes: number; sha256: string; documents: number } | undefined> {
  if (!existsSync(path)) return undefined;
  const hash = createHash('sha256');
  let bytes = 0;
  let documents = 0;
  for await (const document of readBsonDocuments(path)) {
    hash.update(document);
    bytes += document.length;
    documents += 1;
  }
  return { bytes, sha256: hash.digest('hex'), documents };
}

/**
 * The documents of a BSON file, each as its bytes (every BSON document starts with its length as
 * a little-endian int32). A file that ends inside a document yields what it can, then throws.
 */
export async function* readBsonDocuments(path: string): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    while (pending.length - offset >= 4) {
      const size = pending.readInt32LE(offset);
      if (size < 5) throw new BackupError(`${path} is damaged: a document of ${size} bytes`);
      if (pending.length - offset < size) break;
      yield pending.subarray(offset, offset + size);
      offset += size;
    }
    pending = pending.subarray(offset);
  }
  if (pending.length > 0) {
    throw new BackupError(`${path} is damaged: it ends inside a document`);
  }
}
