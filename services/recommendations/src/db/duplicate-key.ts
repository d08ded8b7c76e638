/** The driver's duplicate-key error code: an insert hit a unique index. */
export const DUPLICATE_KEY = 11000;

interface WriteFailure {
  code?: number;
  writeErrors?: { code?: number }[] | { code?: number };
  keyPattern?: Record<string, unknown>;
}

/** Whether an insert failed only because (some of) its documents were there already. */
export function isDuplicateKey(error: unknown): boolean {
  const failure = error as WriteFailure | null;
  if (!failure) return false;
  const writeErrors = failure.writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) {
    return writeErrors.every((e) => e.code === DUPLICATE_KEY);
  }
  if (writeErrors && !Array.isArray(writeErrors)) return writeErrors.code === DUPLICATE_KEY;
  return failure.code === DUPLICATE_KEY;
}

/** Whether a duplicate-key error was on the `_id` (rather than another unique index). */
export function isDuplicateId(error: unknown): boolean {
  if (!isDuplicateKey(error)) return false;
  const failure = error as WriteFailure & { message?: string };
  if (failure.keyPattern) return Object.keys(failure.keyPattern).includes('_id');
  return /_id_|\b_id\b/.test(failure.message ?? '');
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
