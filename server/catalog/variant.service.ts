import { In, Not } from "typeorm";
import { chunk, findIn, insertMany, MAX_PARAMS } from "../db/batch";
import { groupBy } from "../graphql/loaders";
import type { Transactions } from "../db/transaction";
import { badInput } from "../graphql/errors";
import type { StockLedger, WrittenStock } from "./catalog.port";
import type { CatalogService } from "./catalog.service";
import { Product } from "./product.entity";
import { ProductVariant } from "./variant.entity";
import { isPlan, planVariants, type OptionSpec, type VariantPlan, type VariantSpec } from "./variant-rules";

const key = (values: string[]) => JSON.stringify(values.map((v) => v.toLowerCase()));

/** A product's own price, stock and options columns as its variants give them. */
export function planTotals(plan: VariantPlan): { priceAmount: number; stock: number; optionsJson: string } {
  return {
    priceAmount: Math.min(...plan.variants.map((v) => v.price)),
    stock: plan.variants.reduce((sum, v) => sum + (v.stock ?? 0), 0),
    optionsJson: JSON.stringify(plan.options),
  };
}

export interface StockNote {
  reason: string;
  actor: string;
  /** Whether stock given for variants that already exist is set too (an import), or only for new ones (the product form). */
  existing: boolean;
}

/** Writes a product's options and variants; the product's own price and options columns follow them. */
export class VariantService {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly ledger: StockLedger,
    private readonly currency: string,
  ) {}

  /** Checks options and variants; BAD_USER_INPUT at the first problem's field. */
  plan(product: { sku: string; price: number }, options: OptionSpec[], variants: VariantSpec[] | null | undefined): VariantPlan {
    const plan = planVariants(product, options, variants);
    if (!isPlan(plan)) throw badInput(plan.problems[0].field, plan.problems[0].message);
    return plan;
  }

  /**
   * Replaces a product's variants by the plan, in the caller's transaction: variants named by id, or else with
   * the same option values, are kept (so carts, orders and stock history stay with them) and edited; new ones
   * are added with their opening stock; the rest are removed, their stock leaving through the ledger first.
   */
  async apply(productId: number, plan: VariantPlan, note: StockNote): Promise<void> {
    await this.tx.run(async (m) => {
      // The product row first, as checkouts and the ledger take it: then its variants can't change under us.
      await this.tx.lockForUpdate(m.createQueryBuilder(Product, "p").select("p.id").where("p.id = :productId", { productId })).getOne();
      await this.checkSkus(productId, plan);
      const existing = await this.catalog.variantsFor([productId]);
      const byId = new Map(existing.map((v) => [v.id, v]));
      const byValues = new Map(existing.map((v) => [key(v.optionValues), v]));
      const kept = new Set<number>();
      const matched = plan.variants.map((planned, index) => {
        let variant: ProductVariant | undefined;
        if (planned.id !== undefined) {
          variant = byId.get(planned.id);
          if (!variant) throw badInput(`variants[${index}].id`, `Variant ${planned.id} is not one of this product's`);
        } else variant = byValues.get(key(planned.values));
        if (variant && kept.has(variant.id)) throw badInput(`variants[${index}].id`, `Variant ${variant.id} is listed twice`);
        if (variant) kept.add(variant.id);
        return { planned, variant };
      });
      for (const variant of existing) {
        if (kept.has(variant.id)) continue;
        if (variant.stock > 0)
          await this.ledger.move({ variantId: variant.id, to: 0, reason: `Variant ${variant.title} removed`, actor: note.actor });
        await m.delete(ProductVariant, { id: variant.id });
      }
      // Kept SKUs are set aside first, so two variants can swap theirs.
      for (const { variant } of matched) if (variant) await m.update(ProductVariant, { id: variant.id }, { sku: `~${variant.id}` });
      for (const [position, { planned, variant }] of matched.entries()) {
        const fields = {
          sku: planned.sku,
          optionValuesJson: JSON.stringify(planned.values),
          priceAmount: planned.price,
          currency: this.currency,
          position,
          // A file row that says nothing of a picture keeps the variant's.
          ...(planned.imageUrl !== undefined || !variant ? { imageUrl: planned.imageUrl ?? null } : {}),
        };
        let id = variant?.id;
        if (id !== undefined) await m.update(ProductVariant, { id }, fields);
        else id = (await m.insert(ProductVariant, { productId, ...fields, stock: 0 })).identifiers[0].id as number;
        const setStock = planned.stock !== undefined && (note.existing || !variant);
        if (setStock) await this.ledger.move({ variantId: id, to: planned.stock!, reason: note.reason, actor: note.actor });
      }
      await m.update(
        Product,
        { id: productId },
        { optionsJson: JSON.stringify(plan.options), priceAmount: Math.min(...plan.variants.map((v) => v.price)) },
      );
    });
  }

  /**
   * The variants of new products (an import's), in batches (see insertMany): each with the stock the plan gives
   * it, recorded through the ledger as opening stock. The caller has checked their SKUs are free (takenSkus)
   * and set each product's price, stock and options columns from its plan (planTotals).
   */
  async createMany(products: { productId: number; plan: VariantPlan }[], note: Omit<StockNote, "existing">): Promise<void> {
    await this.tx.run(async (m) => {
      const rows = products.flatMap(({ productId, plan }) =>
        plan.variants.map((v, position) => ({
          productId,
          sku: v.sku,
          optionValuesJson: JSON.stringify(v.values),
          priceAmount: v.price,
          currency: this.currency,
          stock: v.stock ?? 0,
          position,
          imageUrl: v.imageUrl ?? null,
        })),
      );
      await insertMany(m, ProductVariant, rows);
      const withStock = rows.filter((r) => r.stock > 0);
      const ids = new Map(
        (
          await findIn(
            m,
            ProductVariant,
            "sku",
            withStock.map((r) => r.sku),
            ["id", "sku"],
          )
        ).map((v) => [v.sku, v.id]),
      );
      await this.ledger.recorded(
        withStock.map((r) => ({ productId: r.productId, variantId: ids.get(r.sku)!, stock: r.stock, delta: r.stock })),
        note.reason,
        note.actor,
      );
    });
  }

  /**
   * Existing products (an import's) whose plan keeps their variants as they are, the same SKUs for the same option
   * values, none added or removed: each variant's values, price, position, picture (when given) and stock
   * written with one UPDATE, the stock's changes recorded through the ledger in bulk, and each product's stock
   * column moved by its variants' changes. The products' rows are locked first (in id order), as apply and
   * checkouts take them. Returns the products it wrote, each with its stock change; the others (variants
   * added, removed or renamed) are for apply, one by one.
   */
  async updateMatching(products: { productId: number; plan: VariantPlan }[], note: StockNote): Promise<Map<number, number>> {
    const done = new Map<number, number>();
    if (!products.length) return done;
    await this.tx.run(async (m) => {
      const ids = products.map((p) => p.productId);
      for (const run of chunk(
        [...ids].sort((a, b) => a - b),
        MAX_PARAMS,
      )) {
        await this.tx.lockForUpdate(m.createQueryBuilder(Product, "p").select("p.id").where("p.id IN (:...run)", { run })).getMany();
      }
      const variants = groupBy(ids, await findIn(m, ProductVariant, "productId", ids), (v) => v.productId);
      const written: WrittenStock[] = [];
      const q = (name: string) => m.connection.driver.escape(name);
      for (const [i, { productId, plan }] of products.entries()) {
        const existing = new Map(variants[i].map((v) => [key(v.optionValues), v]));
        const matched = plan.variants.map((planned) => ({ planned, variant: existing.get(key(planned.values)) }));
        if (existing.size !== plan.variants.length || matched.some(({ planned, variant }) => variant?.sku.toUpperCase() !== planned.sku))
          continue;
        let delta = 0;
        for (const [position, { planned, variant }] of matched.entries()) {
          const stock = planned.stock !== undefined && note.existing ? planned.stock : variant!.stock;
          const picture = planned.imageUrl !== undefined ? `, ${q("image_url")} = ?` : "";
          await m.query(
            `UPDATE ${q("product_variant")} SET ${q("option_values")} = ?, ${q("price_amount")} = ?, ${q("currency")} = ?, ${q("position")} = ?, ${q("stock")} = ?${picture} WHERE ${q("id")} = ?`,
            [
              JSON.stringify(planned.values),
              planned.price,
              this.currency,
              position,
              stock,
              ...(picture ? [planned.imageUrl ?? null] : []),
              variant!.id,
            ],
          );
          if (stock !== variant!.stock) written.push({ productId, variantId: variant!.id, stock, delta: stock - variant!.stock });
          delta += stock - variant!.stock;
        }
        done.set(productId, delta);
      }
      await this.ledger.recorded(written, note.reason, note.actor);
    });
    return done;
  }

  /** Which of these SKUs a variant has already (in batches). */
  async takenSkus(skus: readonly string[]): Promise<Set<string>> {
    const found = await findIn(this.tx.manager, ProductVariant, "sku", skus, ["id", "sku"]);
    return new Set(found.map((v) => v.sku.toUpperCase()));
  }

  /** A SKU another product's variant has is refused at its field, before anything is written. */
  private async checkSkus(productId: number, plan: VariantPlan): Promise<void> {
    const skus = plan.variants.map((v) => v.sku);
    const taken = await this.tx.manager.find(ProductVariant, {
      where: { sku: In(skus), productId: Not(productId) },
      select: { id: true, sku: true },
    });
    if (!taken.length) return;
    const index = skus.indexOf(taken[0].sku);
    const field = plan.options.length ? `variants[${index}].sku` : "sku";
    throw badInput(field, `Another product already has the SKU ${taken[0].sku}`);
  }
}
