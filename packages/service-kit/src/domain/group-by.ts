/**
 * Groups items by a key, groups and items in first-seen order. (`Map.groupBy` once the shared
 * TypeScript target includes ES2024.)
 */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
