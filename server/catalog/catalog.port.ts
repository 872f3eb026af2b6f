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
   * Records the stock new variants were inserted with (already in their stock column, a bulk import of new
   * products): one movement for each with stock, in the caller's transaction.
   */
  opened(entries: OpeningStock[], reason: string, actor: string): Promise<void>;
}

/** A new variant's opening stock, for StockLedger.opened. */
export interface OpeningStock {
  productId: number;
  variantId: number;
  stock: number;
}

/** Whether anything still refers to a product (orders do), so it must be archived rather than deleted. */
export interface ProductReferences {
  isReferenced(productId: number): Promise<boolean>;
}
