import type { StockChange, StockLedger, StockResult, WrittenStock } from "../catalog/catalog.port";
import { parseProductId, type CatalogService } from "../catalog/catalog.service";
import type { Product } from "../catalog/product.entity";
import { MAX_STOCK } from "../catalog/product.inputs";
import { insertMany } from "../db/batch";
import type { Transactions } from "../db/transaction";
import { countLater, toPage } from "../graphql/connection";
import { decodeIntCursor, encodeCursor } from "../graphql/cursor";
import { badInput, notFound } from "../graphql/errors";
import type { StockMovementConnection } from "./inventory.types";
import { StockMovement } from "./stock-movement.entity";

/** What the stock column (a signed 32-bit int, and GraphQL's Int) holds at most. */
const MAX_STOCK_COLUMN = 2_147_483_647;

/**
 * The stock ledger: every change of a product's stock (sale, cancellation, import, adjustment, opening stock)
 * goes through `move`, which changes the stock only within 0…MAX_STOCK and records a movement with the stock
 * it left, in the caller's transaction. So a product's movements always add up to its stock.
 */
export class InventoryService implements StockLedger {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    readonly lowStockThreshold: number,
  ) {}

  async move(change: StockChange): Promise<StockResult> {
    return this.tx.run(async (m) => {
      const written = await this.catalog.writeStock(
        change.variantId,
        change.to === undefined ? { delta: change.delta } : { to: change.to },
        change.restock ? MAX_STOCK_COLUMN : MAX_STOCK,
      );
      if (written.applied && written.delta !== 0 && written.productId !== null) {
        await m.insert(StockMovement, {
          productId: written.productId,
          variantId: change.variantId,
          delta: written.delta,
          reason: change.reason,
          resultingStock: written.stock,
          actor: change.actor,
          orderNumber: change.orderNumber ?? null,
        });
      }
      return { applied: written.applied, stock: written.stock };
    });
  }

  /** Stock changes an import wrote in bulk, as movements (in batches: see insertMany). */
  async recorded(entries: WrittenStock[], reason: string, actor: string): Promise<void> {
    await this.tx.run((m) =>
      insertMany(
        m,
        StockMovement,
        entries
          .filter((e) => e.delta !== 0)
          .map((e) => ({
            productId: e.productId,
            variantId: e.variantId,
            delta: e.delta,
            reason,
            resultingStock: e.stock,
            actor,
            orderNumber: null,
          })),
      ),
    );
  }

  /**
   * An owner's adjustment (argument rules in AdjustStockArgs) of one variant; a product without options needs
   * none named. Refused with BAD_USER_INPUT on delta when out of range.
   */
  async adjust(productId: string, variantId: string | null | undefined, delta: number, reason: string, actor: string): Promise<Product> {
    return this.tx.run(async () => {
      const product = await this.catalog.byId(productId);
      if (!product) throw notFound("Product", productId);
      const variant = await this.catalog.variantToBuy(product, variantId);
      const result = await this.move({ variantId: variant.id, delta, reason: reason.trim(), actor });
      if (!result.applied) {
        throw badInput(
          "delta",
          delta < 0
            ? `Stock can't go below 0: there are ${result.stock}, and ${-delta} can't be taken`
            : `Stock can't go above ${MAX_STOCK.toLocaleString("en")}: there are ${result.stock}, so at most ${MAX_STOCK - result.stock} can be added`,
        );
      }
      return (await this.catalog.byId(product.id))!;
    });
  }

  /** A product's movements, newest first, a page at a time (keyset on the id; an unknown product has none). */
  async movements(productId: string, first: number, after?: string | null): Promise<StockMovementConnection> {
    const id = parseProductId(productId);
    if (id === undefined) return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
    const qb = this.tx.manager.createQueryBuilder(StockMovement, "m").where("m.product_id = :id", { id });
    const totalCount = countLater(qb);
    if (after) qb.andWhere("m.id < :after", { after: decodeIntCursor("movement", after) });
    const rows = await qb
      .orderBy("m.id", "DESC")
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (last) => encodeCursor("movement", last.id));
  }

  /** Products still on sale (or in draft) at or below the threshold (default LOW_STOCK_THRESHOLD), emptiest first. */
  lowStock(threshold = this.lowStockThreshold): Promise<Product[]> {
    return this.catalog.lowStock(threshold);
  }
}
