import DataLoader from "dataloader";
import type { ProductImage } from "../catalog/product-image.entity";
import type { Product } from "../catalog/product.entity";
import type { CatalogService } from "../catalog/catalog.service";
import type { OrderLine } from "../orders/order-line.entity";
import type { OrderService } from "../orders/order.service";

/** Per-request batch loaders, so a list resolves each relation in one query (no N+1). */
/** Groups rows by a key, in the order of `keys`. */
function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return keys.map((k) => groups.get(k) ?? []);
}

export function createLoaders(catalog: CatalogService, orders: OrderService) {
  return {
    orderLines: new DataLoader<string, OrderLine[]>(async (ids) => groupBy(ids, await orders.linesFor(ids), (l) => l.orderId)),
    product: new DataLoader<number, Product | null>(async (ids) => {
      const rows = await catalog.byIds(ids);
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    productImages: new DataLoader<number, ProductImage[]>(async (ids) => groupBy(ids, await catalog.imagesFor(ids), (i) => i.productId)),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
