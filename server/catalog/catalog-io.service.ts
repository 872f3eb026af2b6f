import { In, MoreThan } from "typeorm";
import { moneyInputValue, parseMoneyInput } from "../../common/money";
import { countOf } from "../../common/plural";
import { chunk, findIn, insertMany, MAX_PARAMS } from "../db/batch";
import type { Transactions } from "../db/transaction";
import { AppError, ErrorCode } from "../graphql/errors";
import { parseCsv, toCsv } from "../lib/csv";
import { groupBy } from "../graphql/loaders";
import { CATEGORY_SEPARATOR, validateCatalog, type CatalogRow, type RowProblem } from "./catalog-import";
import { Category, ProductCategory } from "./category.entity";
import { planTotals, type VariantService } from "./variant.service";
import type { CatalogService } from "./catalog.service";
import { slugify } from "./category-rules";
import type { CategoryService } from "./category.service";
import { DEMO_CATEGORIES, DEMO_PRODUCTS, demoCatalogRows, type DemoShape } from "./demo-catalog";
import { ProductImage } from "./product-image.entity";
import { Product } from "./product.entity";

const CSV_COLUMNS = ["sku", "name", "description", "price", "stock"] as const;

/** "Size=M|Colour=Blue" → { Size: "M", Colour: "Blue" }. */
function parseOptionsCell(cell: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const part of cell.split(CATEGORY_SEPARATOR)) {
    const at = part.indexOf("=");
    if (at > 0) options[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return options;
}

const PROBLEMS = { one: "problem", other: "problems" };

/** Rows that can't be imported, each problem by row index and field (the callers say it as rows of their file). */
export class CatalogProblems extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(`${countOf(problems.length, PROBLEMS)} in the catalog`);
  }
}

/** Rows an import looks up and writes at a time. */
export const IMPORT_BATCH = 500;
/** Products an export reads at a time. */
export const EXPORT_PAGE = 1000;

export interface ImportOptions {
  /** Rows per batch (IMPORT_BATCH). */
  batchSize?: number;
  /** Told how many rows are done after each batch (and 0 at the start). */
  onProgress?: (done: number, total: number) => void;
}

/** Who loads the demo catalog, in the stock history. */
export const SYSTEM_ACTOR = "system";

/** Catalog files in and out: the admin's CSV import and export, `npm run seed` (JSON) and the demo catalog. */
export class CatalogIoService {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly variants: VariantService,
    private readonly currency: string,
    private readonly categories: CategoryService,
    /** What other features add to the demo (discount codes, a shipping zone), wired by the composition root. */
    private readonly demoExtras: (() => Promise<void>)[] = [],
  ) {}

  /**
   * Upserts rows by sku in one transaction; returns how many products it created and updated. Stock goes
   * through the ledger as the change from what the product had (reason "Import"), so history adds up.
   *
   * Rows go in batches of `batchSize` (500): the batch's products are looked up by SKU, existing ones updated
   * one by one (their variants kept or replaced by the plan), new ones inserted with multi-row INSERTs; no
   * statement binds more than MAX_PARAMS values, so a file of any size stays under SQLite's limit, and memory
   * holds one batch's entities at a time. Still one transaction: a row that can't be written (a category
   * that doesn't exist, a SKU another product has) throws CatalogProblems by its row index and nothing is kept.
   */
  async importRows(rows: CatalogRow[], actor: string, options: ImportOptions = {}): Promise<{ created: number; updated: number }> {
    const batchSize = Math.max(1, options.batchSize ?? IMPORT_BATCH);
    return this.tx.run(async (m) => {
      const categoryIds = await this.categoryIds(rows);
      let created = 0;
      options.onProgress?.(0, rows.length);
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        const existing = new Map(
          (
            await findIn(
              m,
              Product,
              "sku",
              batch.map((r) => r.sku),
              ["id", "sku"],
            )
          ).map((p) => [p.sku.toUpperCase(), p]),
        );
        const fresh: { row: CatalogRow; index: number }[] = [];
        const old: { row: CatalogRow; index: number; productId: number }[] = [];
        for (const [i, row] of batch.entries()) {
          const product = existing.get(row.sku);
          if (product) old.push({ row, index: start + i, productId: product.id });
          else fresh.push({ row, index: start + i });
        }
        await this.updateRows(old, categoryIds, actor);
        await this.insertRows(fresh, categoryIds, actor);
        created += fresh.length;
        options.onProgress?.(start + batch.length, rows.length);
      }
      return { created, updated: rows.length - created };
    });
  }

  /**
   * Existing products of a batch. Those whose variants stay as they are (the same SKUs for the same option
   * values: a catalog exported, edited and imported again) are written a statement or two each, their categories
   * and pictures replaced by batch; the others (variants added, removed or renamed) one by one (updateRow).
   */
  private async updateRows(old: { row: CatalogRow; index: number; productId: number }[], categoryIds: Map<string, number>, actor: string) {
    if (!old.length) return;
    const m = this.tx.manager;
    const plans = old.map(({ row }) => this.planOf(row));
    const done = await this.variants.updateMatching(
      old.map(({ productId }, i) => ({ productId, plan: plans[i] })),
      { reason: "Import", actor, existing: true },
    );
    const q = (name: string) => m.connection.driver.escape(name);
    for (const [i, { row, index, productId }] of old.entries()) {
      const delta = done.get(productId);
      if (delta === undefined) {
        await this.updateRow(productId, row, index, categoryIds, actor);
        continue;
      }
      const { priceAmount, optionsJson } = planTotals(plans[i]);
      await m.query(
        `UPDATE ${q("product")} SET ${q("name")} = ?, ${q("description")} = ?, ${q("price_amount")} = ?, ${q("currency")} = ?, ${q("options")} = ?, ${q("stock")} = ${q("stock")} + ?, ${q("updated_at")} = CURRENT_TIMESTAMP WHERE ${q("id")} = ?`,
        [row.name, row.description, priceAmount, row.currency, optionsJson, delta, productId],
      );
    }
    const written = old.filter(({ productId }) => done.has(productId));
    const replace = async (entity: typeof ProductCategory | typeof ProductImage, ids: number[]) => {
      for (const run of chunk(ids, MAX_PARAMS)) {
        await m.createQueryBuilder().delete().from(entity).where("product_id IN (:...run)", { run }).execute();
      }
    };
    const categorized = written.filter(({ row }) => row.categories);
    await replace(
      ProductCategory,
      categorized.map((o) => o.productId),
    );
    await insertMany(
      m,
      ProductCategory,
      categorized.flatMap(({ row, productId }) => row.categories!.map((c) => ({ productId, categoryId: categoryIds.get(c)! }))),
    );
    const pictured = written.filter(({ row }) => row.images);
    await replace(
      ProductImage,
      pictured.map((o) => o.productId),
    );
    await insertMany(
      m,
      ProductImage,
      pictured.flatMap(({ row, productId }) => row.images!.map((img, position) => ({ productId, url: img.url, alt: img.alt, position }))),
    );
  }

  /** One existing product, as the product admin would save it; a refusal is its row's problem. */
  private async updateRow(productId: number, row: CatalogRow, index: number, categoryIds: Map<string, number>, actor: string) {
    const m = this.tx.manager;
    try {
      await m.update(
        Product,
        { id: productId },
        { name: row.name, description: row.description, priceAmount: row.price, currency: row.currency },
      );
      await this.variants.apply(productId, this.planOf(row), { reason: "Import", actor, existing: true });
      if (row.categories)
        await this.categories.setForProduct(
          productId,
          row.categories.map((c) => String(categoryIds.get(c))),
        );
      if (row.images) {
        await m.delete(ProductImage, { productId });
        await insertMany(
          m,
          ProductImage,
          row.images.map((img, position) => ({ productId, url: img.url, alt: img.alt, position })),
        );
      }
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
        throw new CatalogProblems([{ index, field: String(error.extensions.field ?? "(row)"), message: error.message }]);
      }
      throw error;
    }
  }

  /** New products of a batch: multi-row INSERTs of the products, their variants (and opening stock), categories and images. */
  private async insertRows(fresh: { row: CatalogRow; index: number }[], categoryIds: Map<string, number>, actor: string) {
    if (!fresh.length) return;
    const m = this.tx.manager;
    const plans = fresh.map(({ row }) => this.planOf(row));
    // Their SKUs must be free: a variant of another product, or of an earlier row of the file, may have one.
    const taken = await this.variants.takenSkus(plans.flatMap((p) => p.variants.map((v) => v.sku)));
    const mine = new Map<string, number>();
    const problems: RowProblem[] = [];
    plans.forEach((plan, i) =>
      plan.variants.forEach((v, j) => {
        const field = plan.options.length ? `variants[${j}].sku` : "sku";
        const other = mine.get(v.sku);
        if (taken.has(v.sku)) problems.push({ index: fresh[i].index, field, message: `Another product already has the SKU ${v.sku}` });
        else if (other !== undefined && other !== i)
          problems.push({ index: fresh[i].index, field, message: `${v.sku} is the SKU of row ${fresh[other].index} too` });
        mine.set(v.sku, i);
      }),
    );
    if (problems.length) throw new CatalogProblems(problems);
    await insertMany(
      m,
      Product,
      fresh.map(({ row }, i) => ({
        sku: row.sku,
        name: row.name,
        description: row.description,
        currency: row.currency,
        ...planTotals(plans[i]),
      })),
    );
    const ids = new Map(
      (
        await findIn(
          m,
          Product,
          "sku",
          fresh.map((f) => f.row.sku),
          ["id", "sku"],
        )
      ).map((p) => [p.sku.toUpperCase(), p.id]),
    );
    const idOf = (row: CatalogRow) => ids.get(row.sku)!;
    await this.variants.createMany(
      fresh.map(({ row }, i) => ({ productId: idOf(row), plan: plans[i] })),
      { reason: "Import", actor },
    );
    await insertMany(
      m,
      ProductCategory,
      fresh.flatMap(({ row }) => (row.categories ?? []).map((c) => ({ productId: idOf(row), categoryId: categoryIds.get(c)! }))),
    );
    await insertMany(
      m,
      ProductImage,
      fresh.flatMap(({ row }) =>
        (row.images ?? []).map((img, position) => ({ productId: idOf(row), url: img.url, alt: img.alt, position })),
      ),
    );
  }

  /** A row's options and variants as the variant rules complete them (a row without options is its one variant). */
  private planOf(row: CatalogRow) {
    const options = row.options ?? [];
    return this.variants.plan(
      { sku: row.sku, price: row.price },
      options,
      options.length ? row.variants : [{ options: [], price: row.price, stock: row.stock }],
    );
  }

  /** The rows' categories by slug; a slug that names no category is a problem of its row (nothing is written). */
  private async categoryIds(rows: CatalogRow[]): Promise<Map<string, number>> {
    const slugs = [...new Set(rows.flatMap((r) => r.categories ?? []))];
    if (!slugs.length) return new Map();
    const found = new Map((await findIn(this.tx.manager, Category, "slug", slugs)).map((c) => [c.slug, c.id]));
    const problems = rows.flatMap((r, index) =>
      (r.categories ?? []).filter((c) => !found.has(c)).map((c) => ({ index, field: "categories", message: `names no category: "${c}"` })),
    );
    if (problems.length) throw new CatalogProblems(problems);
    return found;
  }

  /**
   * Imports products from CSV with the columns sku,name,description,price,stock (price in the currency's
   * major units, e.g. 25.99). Every row is checked first; with any problem nothing is written, and the
   * problems come back by row (the header is row 1) and field.
   */
  async importCsv(csv: string, actor: string, options: ImportOptions = {}): Promise<{ created: number; updated: number }> {
    const [header, ...lines] = parseCsv(csv);
    const columns = (header ?? []).map((h) => h.trim().toLowerCase());
    const missing = CSV_COLUMNS.filter((c) => !columns.includes(c));
    if (missing.length) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `The CSV needs the columns ${CSV_COLUMNS.join(", ")}; missing: ${missing.join(", ")}`, {
        field: "csv",
        problems: [{ row: 1, field: missing[0], message: "column is missing" }],
      });
    }
    const objects: Record<string, unknown>[] = [];
    /** The CSV rows (0-based, without the header) each object came from: a product with options has one per variant. */
    const sources: number[][] = [];
    const groups = new Map<string, number>();
    lines.forEach((fields, index) => {
      const get = (c: string) => fields[columns.indexOf(c)] ?? "";
      const stock = get("stock").trim();
      // Anything that isn't a price or a count stays text, for the validator to report.
      const price = parseMoneyInput(get("price"), this.currency) ?? get("price");
      const count = /^\d{1,9}$/.test(stock) ? Number(stock) : stock;
      const productSku = columns.includes("product_sku") ? get("product_sku").trim() : "";
      const common = {
        name: get("name"),
        description: get("description"),
        ...(columns.includes("categories") && get("categories").trim() ? { categories: get("categories") } : {}),
      };
      if (!productSku) {
        objects.push({
          sku: get("sku"),
          ...common,
          price,
          stock: count,
          ...(columns.includes("categories") ? { categories: get("categories") } : {}),
        });
        sources.push([index]);
        return;
      }
      // A variant row: grouped with the other rows of its product (by product_sku), its options as "Size=M|Colour=Blue".
      const values = parseOptionsCell(get("options"));
      const variant = { sku: get("sku"), options: values, price, stock: count };
      const at = groups.get(productSku.toUpperCase());
      if (at === undefined) {
        groups.set(productSku.toUpperCase(), objects.length);
        objects.push({
          sku: productSku,
          ...common,
          price: typeof price === "number" ? price : 0,
          stock: 0,
          optionsCells: [values],
          variants: [variant],
        });
        sources.push([index]);
      } else {
        const product = objects[at] as { variants: unknown[]; optionsCells: unknown[] };
        product.variants.push(variant);
        product.optionsCells.push(values);
        sources[at].push(index);
      }
    });
    // The options of a grouped product: each option's values in the order its rows give them.
    for (const object of objects) {
      const cells = object.optionsCells as Record<string, string>[] | undefined;
      if (!cells) continue;
      const names = [...new Set(cells.flatMap((c) => Object.keys(c)))];
      object.options = names.map((name) => ({ name, values: [...new Set(cells.map((c) => c[name]).filter((v) => v !== undefined))] }));
      object.variants = (object.variants as { options: Record<string, string> }[]).map((v) => ({
        ...v,
        options: names.map((n) => v.options[n] ?? ""),
      }));
      delete object.optionsCells;
    }
    if (!objects.length) throw new AppError(ErrorCode.BAD_USER_INPUT, "The CSV has no products", { field: "csv", problems: [] });
    const { rows, problems } = validateCatalog(objects, this.currency);
    try {
      if (problems.length) throw new CatalogProblems(problems);
      return await this.importRows(rows, actor, options);
    } catch (error) {
      if (!(error instanceof CatalogProblems)) throw error;
      const listed = error.problems.map((p) => {
        const variant = /^variants\[(\d+)\]\.?(.*)$/.exec(p.field);
        const from = sources[p.index] ?? [p.index];
        const row = (variant ? (from[Number(variant[1])] ?? from[0]) : from[0]) + 2;
        const field = variant ? variant[2] || "options" : p.field;
        return { row, field, message: field === "price" ? `must be a price like 25.99` : p.message };
      });
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `${countOf(listed.length, PROBLEMS)}; nothing was imported. First: row ${listed[0].row}, ${listed[0].field} ${listed[0].message}`,
        { field: "csv", problems: listed },
      );
    }
  }

  /**
   * The whole catalog as CSV, ready to import again: the import's columns, status, categories (slugs separated
   * by "|"), and for a product with options one row per variant, with its product's SKU and its option values.
   * Yields the CSV a page of `pageSize` products at a time (keyset on the id, so each page is one indexed
   * range and memory holds one page): the caller writes each to the response as it comes, and may stop early.
   * Products added while it runs are in it if their page is read after they commit.
   */
  async *exportCsv(pageSize = EXPORT_PAGE): AsyncGenerator<string> {
    yield toCsv([["sku", "name", "description", "price", "stock", "status", "categories", "product_sku", "options"]]);
    for (let after = 0; ;) {
      const products = await this.tx.manager.find(Product, { where: { id: MoreThan(after) }, order: { id: "ASC" }, take: pageSize });
      if (!products.length) return;
      after = products[products.length - 1].id;
      const ids = products.map((p) => p.id);
      const links = await this.categories.ofProducts(ids);
      const slugs = new Map<number, string[]>();
      for (const l of links) slugs.set(l.productId, [...(slugs.get(l.productId) ?? []), l.category.slug]);
      const withOptions = products.filter((p) => p.options.length).map((p) => p.id);
      const variants = new Map(
        groupBy(withOptions, await this.catalog.variantsFor(withOptions), (v) => v.productId).map((vs, i) => [withOptions[i], vs]),
      );
      const rows = products.flatMap((p) => {
        const common = [p.name, p.description];
        const tail = [p.status, (slugs.get(p.id) ?? []).join(CATEGORY_SEPARATOR)];
        if (!p.options.length) return [[p.sku, ...common, moneyInputValue(p.priceAmount, this.currency), p.stock, ...tail, "", ""]];
        return (variants.get(p.id) ?? []).map((v) => [
          v.sku,
          ...common,
          moneyInputValue(v.priceAmount, this.currency),
          v.stock,
          ...tail,
          p.sku,
          p.options.map((o, j) => `${o.name}=${v.optionValues[j] ?? ""}`).join(CATEGORY_SEPARATOR),
        ]);
      });
      if (rows.length) yield toCsv(rows);
      if (products.length < pageSize) return;
    }
  }

  /** Loads (or refreshes) the demo catalog. */
  async loadDemo(): Promise<{ created: number; updated: number }> {
    const { rows, problems } = validateCatalog(demoCatalogRows(), this.currency);
    if (problems.length) throw new Error(`The demo catalog is invalid: ${JSON.stringify(problems[0])}`);
    return this.tx.run(async () => {
      const result = await this.importRows(rows, SYSTEM_ACTOR);
      await this.loadDemoCategories();
      for (const extra of this.demoExtras) await extra();
      return result;
    });
  }

  /** The demo's categories (those missing, by slug), each demo product put in its own; other products are left alone. */
  private async loadDemoCategories(): Promise<void> {
    const m = this.tx.manager;
    const products = await m.findBy(Product, { sku: In(DEMO_PRODUCTS.map((d) => d.sku)) });
    const shapeOf = new Map(DEMO_PRODUCTS.map((d) => [d.sku, d.shape]));
    const place = async (name: string, parentId: string | null, position: number, shapes: DemoShape[]) => {
      const slug = slugify(name);
      const category = (await this.categories.bySlug(slug)) ?? (await this.categories.create({ name, slug, parentId, position }));
      const members = products.filter((p) => shapes.includes(shapeOf.get(p.sku)!));
      for (const product of members) await this.categories.addProduct(product.id, category.id);
      return String(category.id);
    };
    for (const [i, top] of DEMO_CATEGORIES.entries()) {
      const id = await place(top.name, null, i, top.shapes ?? []);
      for (const [j, child] of (top.children ?? []).entries()) await place(child.name, id, j, child.shapes);
    }
  }

  /** Loads the demo catalog into an empty store; returns how many products it added (0 if the store had any). */
  async seedDemoIfEmpty(): Promise<number> {
    if ((await this.tx.manager.count(Product)) > 0) return 0;
    return (await this.loadDemo()).created;
  }
}
