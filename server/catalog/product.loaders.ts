import DataLoader from "dataloader";
import { groupBy } from "../graphql/loaders";
import type { CatalogService } from "./catalog.service";
import type { ProductImage } from "./product-image.entity";
import type { ProductVariant } from "./variant.entity";
import type { Product } from "./product.entity";

/** A product's images, batched across a list (one query per request, whatever the number of products). */
export const productImagesLoader = (catalog: CatalogService) => () =>
  new DataLoader<number, ProductImage[]>(async (ids) => groupBy(ids, await catalog.imagesFor(ids), (i) => i.productId));

/** A product's variants, batched across a list. */
export const productVariantsLoader = (catalog: CatalogService) => () =>
  new DataLoader<number, ProductVariant[]>(async (ids) => groupBy(ids, await catalog.variantsFor(ids), (v) => v.productId));

/** Variants by id (cart lines, stock movements), batched. */
export const variantLoader = (catalog: CatalogService) => () =>
  new DataLoader<number, ProductVariant | null>(async (ids) => {
    const found = new Map((await catalog.variantsByIds(ids)).map((v) => [v.id, v]));
    return ids.map((id) => found.get(id) ?? null);
  });

/** Products by id, whatever their status (a variant's options need its product's option names), batched. */
export const productLoader = (catalog: CatalogService) => () =>
  new DataLoader<number, Product | null>(async (ids) => {
    const found = new Map((await catalog.byIds(ids)).map((p) => [p.id, p]));
    return ids.map((id) => found.get(id) ?? null);
  });
