/** Small collection helpers shared by the store queries and the matcher (its index, its few-best lists). */

/** Items grouped by a derived key, each group in the order the items came. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Put `item` at index `at` of a list kept to `limit` items, the last one dropping out (nothing
 * happens when `at` is past the limit); for the matcher's few-best lists, where splice allocated
 * an array per call.
 */
export function insertWithin<T>(list: T[], at: number, item: T, limit: number): void {
  if (at >= limit) return;
  if (list.length < limit) list.push(item);
  for (let i = list.length - 1; i > at; i--) list[i] = list[i - 1]!;
  list[at] = item;
}
