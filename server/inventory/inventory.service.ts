import type { StockChange, StockLedger, StockResult } from "../catalog/catalog.port";
import type { CatalogService } from "../catalog/catalog.service";
import type { Product } from "../catalog/product.entity";
import { MAX_STOCK } from "../catalog/product.inputs";
import type { Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import { StockMovement } from "./stock-movement.entity";

/**
 * The stock ledger: every change of a product's stock (sale, cancellation, import, adjustment, opening stock)
 * goes through `move`, which changes the stock only within 0…MAX_STOCK and records a movement with the stock
 * it left, in the caller's transaction. So a product's movements always add up to its stock.
 */
export class InventoryService implements StockLedger {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly lowStockThreshold: number,
  ) {}

  async move(change: StockChange): Promise<StockResult> {
    return this.tx.run(async (m) => {
      const written = await this.catalog.writeStock(
        change.productId,
        change.to === undefined ? { delta: change.delta } : { to: change.to },
      );
      if (written.applied && written.delta !== 0) {
        await m.insert(StockMovement, {
          productId: change.productId,
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

  /** An owner's adjustment (argument rules in AdjustStockArgs): refused with BAD_USER_INPUT on delta when out of range. */
  async adjust(productId: string, delta: number, reason: string, actor: string): Promise<Product> {
    return this.tx.run(async () => {
      const product = await this.catalog.byId(productId);
      if (!product) throw notFound("Product", productId);
      const result = await this.move({ productId: product.id, delta, reason: reason.trim(), actor });
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

  /** A product's movements, newest first. */
  movements(productId: number, first: number): Promise<StockMovement[]> {
    return this.tx.manager.find(StockMovement, { where: { productId }, order: { id: "DESC" }, take: first });
  }

  /** Products still on sale (or in draft) at or below the threshold (default LOW_STOCK_THRESHOLD), emptiest first. */
  lowStock(threshold = this.lowStockThreshold): Promise<Product[]> {
    return this.catalog.lowStock(threshold);
  }
}
