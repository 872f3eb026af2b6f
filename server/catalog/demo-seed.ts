import type { Transactions } from "../db/transaction";
import { importCatalog, validateCatalog } from "./catalog-import";
import { demoCatalogRows } from "./demo-catalog";
import { Product } from "./product.entity";

/** Loads the demo catalog into an empty store; returns how many products it added (0 if the store had any). */
export async function seedDemoIfEmpty(tx: Transactions, currency: string): Promise<number> {
  if ((await tx.dataSource.getRepository(Product).count()) > 0) return 0;
  return (await loadDemoCatalog(tx, currency)).created;
}

export async function loadDemoCatalog(tx: Transactions, currency: string) {
  const { rows, problems } = validateCatalog(demoCatalogRows(), currency);
  if (problems.length) throw new Error(`The demo catalog is invalid: ${JSON.stringify(problems[0])}`);
  return importCatalog(tx, rows);
}
