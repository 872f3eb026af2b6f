import { In, type SelectQueryBuilder } from "typeorm";
import type { Transactions } from "../db/transaction";
import { toPage } from "../graphql/connection";
import { decodeIntCursor, encodeCursor } from "../graphql/cursor";
import { AppError, ErrorCode, notFound } from "../graphql/errors";
import { TtlCache } from "../lib/ttl-cache";
import { ProductImage } from "./product-image.entity";
import { ftsSearch, matchProducts, searchWords } from "./product-search";
import { ProductVariant } from "./variant.entity";
import { Product, ProductStatus } from "./product.entity";
import { MAX_STOCK } from "./product.inputs";
import type { ProductConnection } from "./product.types";

/** Parses a GraphQL ID into a product's numeric id; anything else is no product at all. */
export function parseProductId(id: string | number): number | undefined {
  const s = String(id);
  return /^\d{1,15}$/.test(s) ? Number(s) : undefined;
}

/**
 * The count of the products `qb` selects as it is now (before a cursor narrows it), run only if asked: a
 * plain COUNT(*), as every row of a product query is one product (TypeORM's getCount counts DISTINCT ids,
 * which costs twice as much).
 */
function countProducts(qb: SelectQueryBuilder<Product>): () => Promise<number> {
  const all = qb.clone().select("COUNT(*)", "n").orderBy();
  return async () => Number((await all.getRawOne<{ n: number | string }>())?.n ?? 0);
}

/** Every status but `status`: a product of that status is one of none of these (few, for ACTIVE: an index range). */
const otherStatuses = (status: ProductStatus) => Object.values(ProductStatus).filter((s) => s !== status);

/**
 * Reads the catalog. Inside a transaction (a service calling this one) it reads through that transaction;
 * outside, committed data only.
 */
export class CatalogService {
  /** The storefront's product counts, by category filter, for as long as a catalog answer is kept (see list). */
  private readonly counts: TtlCache<number>;

  /** @param countMs how long the storefront's product counts are kept (CATALOG_CACHE_SECONDS; 0: counted each time) */
  constructor(
    private readonly tx: Transactions,
    countMs = 0,
  ) {
    this.counts = new TtlCache<number>(countMs, 500);
  }

  private get products() {
    return this.tx.manager.getRepository(Product);
  }

  /**
   * One page of the catalog: in a stable order (by id, keyset cursor), or for a search, by relevance (the
   * matches are ranked as a whole, so its cursor is a position in them). Two queries whatever the page size,
   * and a COUNT only if `totalCount` is asked for.
   */
  async list(args: {
    first: number;
    after?: string | null;
    search?: string | null;
    status?: ProductStatus | null;
    /** Only products in one of these categories. */
    categoryIds?: number[];
  }): Promise<ProductConnection> {
    const qb = this.products.createQueryBuilder("p");
    // The storefront passes ACTIVE; admins may list any status (null: all).
    if (args.status) qb.andWhere("p.status = :status", { status: args.status });
    if (args.categoryIds)
      qb.andWhere("p.id IN (SELECT pc.product_id FROM product_category pc WHERE pc.category_id IN (:...categoryIds))", {
        categoryIds: args.categoryIds.length ? args.categoryIds : [0],
      });
    const term = args.search?.trim();
    if (term && this.tx.engine === "sqlite") return this.ftsPage(term, args);
    if (term) return this.searchPage(qb, term, args.first, args.after);
    // The storefront's counts may be a few seconds old (they only say "24 of 1,250"); an admin's are exact.
    const count = args.status === ProductStatus.ACTIVE && !args.categoryIds ? () => this.countOnSale() : countProducts(qb);
    const totalCount =
      args.status === ProductStatus.ACTIVE ? () => this.counts.get(`${args.categoryIds?.join(",") ?? "all"}`, count) : count;
    if (args.after) qb.andWhere("p.id > :after", { after: decodeIntCursor("product", args.after) });
    const rows = await qb
      .orderBy("p.id", "ASC")
      .limit(args.first + 1)
      .getMany();
    return toPage(rows, args.first, totalCount, (last) => encodeCursor("product", last.id));
  }

  /** MySQL/MariaDB's search: the FULLTEXT match ranked in the product query `qb` (with its filters). */
  private async searchPage(
    qb: SelectQueryBuilder<Product>,
    term: string,
    first: number,
    after?: string | null,
  ): Promise<ProductConnection> {
    const offset = after ? decodeIntCursor("search", after) : 0;
    const match = matchProducts(qb, term);
    if (!match) return toPage([], first, 0, () => "");
    // The matches' count comes with the page (a window over every match, which the ranking reads anyway):
    // a second query would search the FULLTEXT index again. Past the last match there is no row to carry it.
    const hits: { id: number | string; total: number | string }[] = await qb
      .clone()
      .select("p.id", "id")
      .addSelect(match.score, "score")
      .addSelect("COUNT(*) OVER ()", "total")
      .orderBy("score", match.order)
      .addOrderBy("p.id", "ASC")
      .offset(offset)
      .limit(first + 1)
      .getRawMany();
    return this.rankedPage(hits, first, offset, countProducts(qb));
  }

  /**
   * A search's page from its ranked ids (one more than the page, if there is a next): the products, in rank
   * order, and the matches' count each hit carries (`total`); past the last match, `countAlone` counts them.
   */
  private async rankedPage(
    hits: { id: number | string; total: number | string }[],
    first: number,
    offset: number,
    countAlone: () => Promise<number>,
  ) {
    const ids = hits.map((h) => Number(h.id));
    const byId = new Map((await this.byIds(ids)).map((p) => [p.id, p]));
    const rows = ids.flatMap((id) => byId.get(id) ?? []);
    const count = hits.length ? Number(hits[0].total) : countAlone;
    return toPage(rows, first, count, (_last, nodes) => encodeCursor("search", offset + nodes.length));
  }

  /**
   * How many products the storefront sells: every product less the few that aren't on sale. Both counts
   * are cheap where one of the many ACTIVE rows isn't (SQLite counts a whole table from its b-tree pages,
   * and the others are a short range of the status index): at 100,000 products 0.2 ms against 4 ms.
   */
  private async countOnSale(): Promise<number> {
    const others = otherStatuses(ProductStatus.ACTIVE);
    const table = this.products.metadata.tableName;
    const rows: { n: number | string }[] = await this.tx.manager.query(
      `SELECT (SELECT COUNT(*) FROM ${table}) - (SELECT COUNT(*) FROM ${table} WHERE status IN (${others.map(() => "?").join(", ")})) AS n`,
      others,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** SQLite's search: ranked and counted in one query of the FTS5 index alone (product-search.ts), then the page's products. */
  private async ftsPage(
    term: string,
    args: { first: number; after?: string | null; status?: ProductStatus | null; categoryIds?: number[] },
  ): Promise<ProductConnection> {
    const offset = args.after ? decodeIntCursor("search", args.after) : 0;
    const words = searchWords(term);
    if (!words.length) return toPage([], args.first, 0, () => "");
    const search = ftsSearch(words, { excludeStatuses: args.status ? otherStatuses(args.status) : [], categoryIds: args.categoryIds });
    const hits: { id: number | string; total: number | string }[] = await this.tx.manager.query(...search.page(args.first + 1, offset));
    const count = async () => Number(((await this.tx.manager.query(...search.count)) as { n: number | string }[])[0]?.n ?? 0);
    return this.rankedPage(hits, args.first, offset, count);
  }

  /** Every product in id order (the catalog export). */
  all(): Promise<Product[]> {
    return this.products.find({ order: { id: "ASC" } });
  }

  async byIds(ids: readonly number[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    return this.products.findBy({ id: In([...ids]) });
  }

  /** Any product, whatever its status (admin). */
  async byId(id: string | number): Promise<Product | null> {
    const numeric = parseProductId(id);
    return numeric === undefined ? null : this.products.findOneBy({ id: numeric });
  }

  /** A product the storefront shows and sells: ACTIVE only (drafts and archived ones are not found). */
  async sellable(id: string | number): Promise<Product | null> {
    const numeric = parseProductId(id);
    return numeric === undefined ? null : this.products.findOneBy({ id: numeric, status: ProductStatus.ACTIVE });
  }

  /** Whether the storefront sells the product now (drafts and archived ones are not). */
  isOnSale(product: Pick<Product, "status">): boolean {
    return product.status === ProductStatus.ACTIVE;
  }

  /** Images of many products in one query, in gallery order. */
  async imagesFor(productIds: readonly number[]): Promise<ProductImage[]> {
    if (productIds.length === 0) return [];
    return this.tx.manager.getRepository(ProductImage).find({
      where: { productId: In([...productIds]) },
      order: { productId: "ASC", position: "ASC", id: "ASC" },
    });
  }

  /**
   * Products still on sale (or in draft) with a variant at or below the threshold (for a product without
   * options: its stock), emptiest variant first.
   */
  async lowStock(threshold: number): Promise<Product[]> {
    const low: { product_id: number | string }[] = await this.tx.manager
      .createQueryBuilder(ProductVariant, "v")
      .innerJoin(Product, "p", "p.id = v.product_id AND p.status <> :archived", { archived: ProductStatus.ARCHIVED })
      .select("v.product_id", "product_id")
      .addSelect("MIN(v.stock)", "lowest")
      .where("v.stock <= :threshold", { threshold })
      .groupBy("v.product_id")
      .orderBy("lowest", "ASC")
      .addOrderBy("v.product_id", "ASC")
      .limit(100)
      .getRawMany();
    const ids = low.map((r) => Number(r.product_id));
    const byId = new Map((await this.byIds(ids)).map((p) => [p.id, p]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Variants of many products in one query, in each product's order. */
  async variantsFor(productIds: readonly number[]): Promise<ProductVariant[]> {
    if (productIds.length === 0) return [];
    return this.tx.manager.getRepository(ProductVariant).find({
      where: { productId: In([...productIds]) },
      order: { productId: "ASC", position: "ASC", id: "ASC" },
    });
  }

  async variantsByIds(ids: readonly number[]): Promise<ProductVariant[]> {
    if (ids.length === 0) return [];
    return this.tx.manager.getRepository(ProductVariant).findBy({ id: In([...ids]) });
  }

  /**
   * The variant a shopper buys: the one asked for (it must be the product's), or, when none is named, the
   * product's only variant. A product with options needs one named: VARIANT_REQUIRED.
   */
  async variantToBuy(product: Product, variantId: string | null | undefined): Promise<ProductVariant> {
    const variants = await this.variantsFor([product.id]);
    if (variantId === undefined || variantId === null) {
      if (variants.length === 1 && product.options.length === 0) return variants[0];
      throw new AppError(
        ErrorCode.VARIANT_REQUIRED,
        `Choose ${product.options.map((o) => o.name.toLowerCase()).join(" and ") || "a variant"} of ${product.name} first`,
        {
          productId: String(product.id),
        },
      );
    }
    const found = variants.find((v) => String(v.id) === String(variantId).trim());
    if (!found) throw notFound("Variant", variantId);
    return found;
  }

  /**
   * The stock columns' one writer, for the inventory ledger only (every change must leave a movement):
   * adds `delta` to a variant's stock if it stays within 0…`ceiling`, in one conditional UPDATE (never a read
   * followed by a write, so two checkouts can't both take the last unit), or with `to` sets it under a row lock;
   * the product's stock (the sum over its variants) moves with it. The product row is locked first, so
   * checkouts that take several variants of one product (in product, then variant order) never deadlock.
   * In the caller's transaction. A variant that doesn't exist (any more) takes no change and has stock 0.
   */
  async writeStock(
    variantId: number,
    change: { delta: number } | { to: number },
    ceiling = MAX_STOCK,
  ): Promise<{ applied: boolean; stock: number; delta: number; productId: number | null }> {
    return this.tx.run(async (m) => {
      const variant = await m.findOne(ProductVariant, { where: { id: variantId }, select: { id: true, productId: true } });
      if (!variant) return { applied: false, stock: 0, delta: 0, productId: null };
      const productId = variant.productId;
      await this.tx.lockForUpdate(m.createQueryBuilder(Product, "p").select("p.id").where("p.id = :productId", { productId })).getOne();
      let delta: number;
      if ("to" in change) {
        const row = await this.tx
          .lockForUpdate(m.createQueryBuilder(ProductVariant, "v").where("v.id = :variantId", { variantId }))
          .getOne();
        if (!row) return { applied: false, stock: 0, delta: 0, productId };
        delta = change.to - row.stock;
        if (delta === 0) return { applied: true, stock: row.stock, delta, productId };
      } else delta = change.delta;
      const result = await m
        .createQueryBuilder()
        .update(ProductVariant)
        .set({ stock: () => "stock + :delta" })
        .where("id = :variantId AND stock + :delta >= 0 AND (:delta <= 0 OR stock + :delta <= :ceiling)", { variantId, delta, ceiling })
        .execute();
      const applied = result.affected === 1;
      if (applied) {
        await m
          .createQueryBuilder()
          .update(Product)
          .set({ stock: () => "stock + :delta" })
          .where("id = :productId", { productId, delta })
          .execute();
      }
      const row = await m.findOne(ProductVariant, { where: { id: variantId }, select: { id: true, stock: true } });
      return { applied, stock: row?.stock ?? 0, delta, productId };
    });
  }
}
