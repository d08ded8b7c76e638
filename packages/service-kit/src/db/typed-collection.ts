import type { Collection, Model } from 'mongoose';

/**
 * A model's collection typed by its documents, for the driver's own atomic operations (guarded
 * updates, compare-and-set replacements, `findOneAndUpdate`) without mongoose's casting: filters
 * on a string `_id` and the tenant then type-check as they are. It is the model's collection
 * (the connection keeps one per name).
 */
export function collectionOf<T extends { _id: string }>(model: Model<T>): Collection<T> {
  return model.db.collection<T>(model.collection.collectionName);
}
