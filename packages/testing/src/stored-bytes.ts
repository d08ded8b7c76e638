import mongoose from 'mongoose';

type Db = mongoose.mongo.Db;

export interface StoredCollection {
  name: string;
  documents: number;
  /** The BSON size of its documents, without indexes or the engine's overhead. */
  bytes: number;
}

/**
 * What a database holds, collection by collection, largest first: the benches report it per
 * domain object for the capacity plan (docs/capacity.md). Reads every document: for benches only.
 */
export async function storedBytes(db: Db): Promise<StoredCollection[]> {
  const sizes: StoredCollection[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    let documents = 0;
    let bytes = 0;
    for await (const doc of db.collection(name).find({})) {
      documents += 1;
      bytes += mongoose.mongo.BSON.calculateObjectSize(doc);
    }
    sizes.push({ name, documents, bytes });
  }
  return sizes.sort((a, b) => b.bytes - a.bytes);
}

/** `2533 bytes per request: requests 10000 docs 6538 kB, …` (the empty collections left out). */
export function bytesPer(unit: string, count: number, sizes: StoredCollection[]): string {
  const total = sizes.reduce((sum, collection) => sum + collection.bytes, 0);
  const parts = sizes
    .filter((collection) => collection.documents > 0)
    .map((c) => `${c.name} ${c.documents} docs ${(c.bytes / 1024).toFixed(0)} kB`);
  return `${(total / count).toFixed(0)} bytes per ${unit}: ${parts.join(', ')}`;
}
