import DataLoader from "dataloader";
import type { ProductImage } from "../catalog/product-image.entity";
import type { Product } from "../catalog/product.entity";
import type { CatalogService } from "../catalog/catalog.service";

/** Per-request batch loaders, so a list resolves each relation in one query (no N+1). */
export function createLoaders(catalog: CatalogService) {
  return {
    product: new DataLoader<number, Product | null>(async (ids) => {
      const rows = await catalog.byIds(ids);
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    productImages: new DataLoader<number, ProductImage[]>(async (ids) => {
      const byProduct = new Map<number, ProductImage[]>();
      for (const img of await catalog.imagesFor(ids)) {
        byProduct.set(img.productId, [...(byProduct.get(img.productId) ?? []), img]);
      }
      return ids.map((id) => byProduct.get(id) ?? []);
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
