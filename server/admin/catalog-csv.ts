import type { Transactions } from "../db/transaction";
import { AppError, ErrorCode } from "../graphql/errors";
import { importCatalog, validateCatalog } from "../catalog/catalog-import";
import { parseCsv } from "./csv";

const COLUMNS = ["sku", "name", "description", "price", "stock"] as const;

/** Digits after the decimal point in the currency (USD 2, JPY 0). */
export const minorDigits = (currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** "25.99" → 2599 for USD; anything else is left as text for the validator to report. */
function parsePrice(text: string, digits: number): number | string {
  const m = new RegExp(`^(\\d{1,9})(?:\\.(\\d{1,${Math.max(digits, 1)}}))?$`).exec(text.trim());
  if (!m || (digits === 0 && m[2])) return text;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? "").padEnd(digits, "0") || 0);
}

/**
 * Imports products from CSV with the columns sku,name,description,price,stock (price in the currency's
 * major units, e.g. 25.99). Every row is checked first; with any problem nothing is written, and the
 * problems come back by row (the header is row 1) and field.
 */
export async function importCatalogCsv(tx: Transactions, csv: string, currency: string): Promise<{ created: number; updated: number }> {
  const [header, ...rows] = parseCsv(csv);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `The CSV needs the columns ${COLUMNS.join(", ")}; missing: ${missing.join(", ")}`, {
      field: "csv",
      problems: [{ row: 1, field: missing[0], message: "column is missing" }],
    });
  }
  const digits = minorDigits(currency);
  const objects = rows.map((fields) => {
    const get = (c: string) => fields[columns.indexOf(c)] ?? "";
    const stock = get("stock").trim();
    return {
      sku: get("sku"),
      name: get("name"),
      description: get("description"),
      price: parsePrice(get("price"), digits),
      stock: /^\d{1,9}$/.test(stock) ? Number(stock) : stock,
    };
  });
  if (!objects.length) throw new AppError(ErrorCode.BAD_USER_INPUT, "The CSV has no products", { field: "csv", problems: [] });
  const { rows: valid, problems } = validateCatalog(objects, currency);
  if (problems.length) {
    const listed = problems.map((p) => ({ row: p.index + 2, field: p.field, message: p.field === "price" ? `must be a price like 25.99` : p.message }));
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${listed.length} problem(s); nothing was imported. First: row ${listed[0].row}, ${listed[0].field} ${listed[0].message}`,
      { field: "csv", problems: listed },
    );
  }
  return importCatalog(tx, valid);
}
