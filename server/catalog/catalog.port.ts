/**
 * What the catalog needs from features built on it, wired by the composition root (server/modules.ts) so
 * that the catalog imports none of them.
 */

/**
 * A change of one variant's stock (and so of its product's). `to` sets it (the delta is worked out under a
 * row lock); else `delta`.
 * `restock`: units an order gave back (a cancellation), which may take the stock past MAX_STOCK, so a
 * cancellation is never refused for it.
 */
export type StockChange = { variantId: number; reason: string; actor: string; orderNumber?: string | null; restock?: boolean } & (
  { delta: number; to?: undefined } | { to: number; delta?: undefined }
);

/** The stock's result: `applied` false when it would have gone below 0 or above MAX_STOCK (nothing changed). */
export interface StockResult {
  applied: boolean;
  /** The stock after the change, or as it stays when refused. */
  stock: number;
}

/** Every stock change goes through the ledger (inventory/inventory.service.ts), which records a movement for each. */
export interface StockLedger {
  move(change: StockChange): Promise<StockResult>;
  /**
   * Records stock changes a bulk import has already written to the variants' (and products') stock columns:
   * one movement for each with a change, in the caller's transaction.
   */
  recorded(entries: WrittenStock[], reason: string, actor: string): Promise<void>;
}

/** A variant's stock as an import wrote it: `stock` now, after a change of `delta` (a new variant's: its stock). */
export interface WrittenStock {
  productId: number;
  variantId: number;
  stock: number;
  delta: number;
}

/** Whether anything still refers to a product (orders do), so it must be archived rather than deleted. */
export interface ProductReferences {
  isReferenced(productId: number): Promise<boolean>;
}
