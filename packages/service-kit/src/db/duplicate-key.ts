/** The driver's duplicate-key error code: a write hit a unique index. */
export const DUPLICATE_KEY = 11000;

interface WriteFailure {
  code?: unknown;
  message?: unknown;
  writeErrors?: { code?: unknown }[] | { code?: unknown };
}

/**
 * Whether a write failed only on a unique index: E11000, per document in `writeErrors` for a bulk
 * insert — on inserts and on updates alike (the conformance suite checks both).
 */
export function isDuplicateKey(error: unknown): boolean {
  const failure = (error ?? {}) as WriteFailure;
  const { writeErrors } = failure;
  if (Array.isArray(writeErrors) && writeErrors.length > 0)
    return writeErrors.every((e) => e.code === DUPLICATE_KEY);
  if (writeErrors && !Array.isArray(writeErrors)) return writeErrors.code === DUPLICATE_KEY;
  return failure.code === DUPLICATE_KEY;
}

/** Inserts documents, ignoring those already stored (their ids are derived, so equal). */
export async function insertIgnoringDuplicates(
  collection: { insertMany(docs: never[], options: { ordered: boolean }): Promise<unknown> },
  docs: object[],
): Promise<void> {
  if (docs.length === 0) return;
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Inserts one document; false when its `_id` (or another unique key) is taken. */
export async function insertIfAbsent(
  collection: { insertOne(doc: never): Promise<unknown> },
  doc: object,
): Promise<boolean> {
  try {
    await collection.insertOne(doc as never);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
