import { In, type EntityManager, type Repository } from "typeorm";
import { checkPageSize, decodeIntCursor, encodeCursor } from "../graphql/cursor";
import type { Transactions } from "../db/transaction";
import { ProductImage } from "./product-image.entity";
import { Product, ProductStatus } from "./product.entity";
import type { ProductConnection } from "./product.types";

/** Parses a GraphQL ID into a product's numeric id; anything else is no product at all. */
export function parseProductId(id: string | number): number | undefined {
  const s = String(id);
  return /^\d{1,15}$/.test(s) ? Number(s) : undefined;
}

const escapeLike = (s: string) => s.replace(/[!%_]/g, (c) => `!${c}`);

export class CatalogService {
  constructor(private readonly tx: Transactions) {}

  private products(m?: EntityManager): Repository<Product> {
    return (m ?? this.tx.reader).getRepository(Product);
  }

  /** One page of the catalog in a stable order (by id): two queries whatever the page size. */
  async list(args: { first: number; after?: string | null; search?: string | null; status?: ProductStatus | null }): Promise<ProductConnection> {
    checkPageSize(args.first);
    const qb = this.products().createQueryBuilder("p");
    // The storefront passes ACTIVE; admins may list any status (null: all).
    if (args.status) qb.andWhere("p.status = :status", { status: args.status });
    const term = args.search?.trim();
    if (term) {
      qb.andWhere("(LOWER(p.name) LIKE :q ESCAPE '!' OR LOWER(p.sku) LIKE :q ESCAPE '!' OR LOWER(p.description) LIKE :q ESCAPE '!')", {
        q: `%${escapeLike(term.toLowerCase())}%`,
      });
    }
    const totalCount = await qb.clone().getCount();
    if (args.after) qb.andWhere("p.id > :after", { after: decodeIntCursor("product", args.after) });
    const rows = await qb.orderBy("p.id", "ASC").take(args.first + 1).getMany();
    const nodes = rows.slice(0, args.first);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: last ? encodeCursor("product", last.id) : null },
    };
  }

  async byIds(ids: readonly number[], m?: EntityManager): Promise<Product[]> {
    if (ids.length === 0) return [];
    return this.products(m).findBy({ id: In([...ids]) });
  }

  /** Any product, whatever its status (admin). */
  async byId(id: string | number, m?: EntityManager): Promise<Product | null> {
    const numeric = parseProductId(id);
    return numeric === undefined ? null : this.products(m).findOneBy({ id: numeric });
  }

  /** A product the storefront shows and sells: ACTIVE only (drafts and archived ones are not found). */
  async sellable(id: string | number, m?: EntityManager): Promise<Product | null> {
    const numeric = parseProductId(id);
    return numeric === undefined ? null : this.products(m).findOneBy({ id: numeric, status: ProductStatus.ACTIVE });
  }

  /** Images of many products in one query, in gallery order. */
  async imagesFor(productIds: readonly number[]): Promise<ProductImage[]> {
    if (productIds.length === 0) return [];
    return this.tx.reader.getRepository(ProductImage).find({
      where: { productId: In([...productIds]) },
      order: { productId: "ASC", position: "ASC", id: "ASC" },
    });
  }

  /**
   * Takes `quantity` units of a product's stock if that many are there, atomically:
   * a conditional UPDATE, never a read followed by a write. Returns whether it took them.
   */
  async takeStock(m: EntityManager, productId: number, quantity: number): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(Product)
      .set({ stock: () => "stock - :quantity" })
      .where("id = :productId AND stock >= :quantity", { productId, quantity })
      .execute();
    return result.affected === 1;
  }
}
