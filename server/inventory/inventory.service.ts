import type { EntityManager } from "typeorm";
import type { CatalogService } from "../catalog/catalog.service";
import { Product, ProductStatus } from "../catalog/product.entity";
import type { Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import { StockMovement } from "./stock-movement.entity";

/** Stock changes made by people (and by cancellations), each recorded as a movement. Stock never goes below zero. */
export class InventoryService {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly lowStockThreshold: number,
  ) {}

  async adjust(productId: string, delta: number, reason: string, actor: string): Promise<Product> {
    if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > 1_000_000) {
      throw badInput("delta", "delta must be a whole number other than 0, at most 1,000,000 either way");
    }
    const why = reason.trim();
    if (!why || why.length > 200) throw badInput("reason", "Say why the stock changes (1 to 200 characters)");
    return this.tx.run(async (m) => {
      const product = await this.catalog.byId(productId, m);
      if (!product) throw notFound("Product", productId);
      if (!(await this.move(m, product.id, delta, why, actor))) {
        throw badInput("delta", `Stock can't go below 0: there are ${product.stock}, and ${-delta} can't be taken`);
      }
      return (await this.catalog.byId(product.id, m))!;
    });
  }

  /**
   * Changes the stock by `delta` only if it stays at or above zero (one conditional UPDATE) and records
   * the movement with the stock it left. Returns false, changing nothing, if it would go negative.
   */
  async move(m: EntityManager, productId: number, delta: number, reason: string, actor: string): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(Product)
      .set({ stock: () => "stock + :delta" })
      .where("id = :productId AND stock + :delta >= 0", { productId, delta })
      .execute();
    if (result.affected !== 1) return false;
    const after = await m.findOneByOrFail(Product, { id: productId });
    await m.insert(StockMovement, { productId, delta, reason, resultingStock: after.stock, actor });
    return true;
  }

  movements(productId: number, first = 50): Promise<StockMovement[]> {
    return this.tx.reader.find(StockMovement, { where: { productId }, order: { id: "DESC" }, take: Math.min(Math.max(first, 1), 200) });
  }

  /** Products still on sale (or in draft) at or below the threshold, emptiest first. */
  lowStock(threshold = this.lowStockThreshold): Promise<Product[]> {
    return this.tx.reader
      .createQueryBuilder(Product, "p")
      .where("p.status <> :archived AND p.stock <= :threshold", { archived: ProductStatus.ARCHIVED, threshold })
      .orderBy("p.stock", "ASC")
      .addOrderBy("p.id", "ASC")
      .take(100)
      .getMany();
  }
}
