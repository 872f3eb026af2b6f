import DataLoader from "dataloader";
import { groupBy } from "../graphql/loaders";
import type { CatalogService } from "./catalog.service";
import type { ProductImage } from "./product-image.entity";

/** A product's images, batched across a list (one query per request, whatever the number of products). */
export const productImagesLoader = (catalog: CatalogService) => () =>
  new DataLoader<number, ProductImage[]>(async (ids) => groupBy(ids, await catalog.imagesFor(ids), (i) => i.productId));
