import type DataLoader from "dataloader";

/**
 * Per-request batch loaders, so a list resolves each relation in one query (no N+1). Each feature
 * defines its loaders as factories (e.g. catalog/product.loaders.ts); the cache makes one loader per
 * factory per request, so batching and caching never cross requests.
 */
export class LoaderCache {
  private readonly loaders = new Map<unknown, unknown>();

  get<K, V>(factory: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = factory();
      this.loaders.set(factory, loader);
    }
    return loader;
  }
}

/** Groups rows by a key, in the order of `keys` (an empty list for a key without rows). */
export function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}
