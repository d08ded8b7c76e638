/**
 * Serialises writes to one document within this process.
 *
 * FerretDB 1.24 applies an update by reading the document, changing it in Go and writing the whole
 * document back, with no compare-and-swap: concurrent updates of one document lose writes, and
 * several `findOneAndUpdate({ version: n })` can all "win" (measured; see docs/adr/0005). MongoDB
 * is atomic per document, FerretDB is not, so every read-modify-write of an aggregate document in
 * the kit (changes, outbox removal, event applications) takes this lock. Across processes the
 * services rely on one writer per aggregate locally and on MongoDB's atomicity in production;
 * "exactly once across replicas" uses insert-only claims, which a unique index makes atomic on both.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withDocumentLock<T>(
  collection: string,
  id: string,
  work: () => Promise<T>,
): Promise<T> {
  const key = `${collection}\u0000${id}`;
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(work);
  tails.set(key, run);
  try {
    return await run;
  } finally {
    if (tails.get(key) === run) tails.delete(key);
  }
}
