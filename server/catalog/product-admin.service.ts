import { isUniqueViolation, type Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import type { ProductReferences, StockLedger } from "./catalog.port";
import type { CatalogService } from "./catalog.service";
import type { CategoryService } from "./category.service";
import { ProductImage } from "./product-image.entity";
import { Product } from "./product.entity";
import type { VariantService } from "./variant.service";
import type { CreateProductInput, ImageInput, UpdateProductInput } from "./product.inputs";

/** The owner's product management. SKUs are stored upper-case, as the catalog importer does. */
export class ProductAdminService {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly ledger: StockLedger,
    private readonly references: ProductReferences,
    private readonly currency: string,
    private readonly categories: CategoryService,
    private readonly variants: VariantService,
  ) {}

  /**
   * A new product with its variants: without options one (the product's SKU, price and opening stock), with
   * options those given, each with its own SKU, price and opening stock.
   */
  async create(input: CreateProductInput, actor: string): Promise<Product> {
    const sku = input.sku.trim().toUpperCase();
    const options = input.options ?? [];
    const plan = this.variants.plan(
      { sku, price: input.price },
      options,
      options.length ? (input.variants ?? []) : [{ options: [], price: input.price, stock: input.stock }],
    );
    const id = await this.uniqueSku(() =>
      this.tx.run(async (m) => {
        const product = m.create(Product, {
          sku,
          name: input.name.trim(),
          description: input.description.trim(),
          priceAmount: input.price,
          currency: this.currency,
          stock: 0,
          status: input.status,
          weightGrams: input.weightGrams ?? null,
        });
        await m.save(product);
        await this.replaceImages(product.id, input.images);
        await this.categories.setForProduct(product.id, input.categoryIds ?? []);
        await this.variants.apply(product.id, plan, { reason: "Opening stock", actor, existing: false });
        return product.id;
      }),
    );
    return (await this.catalog.byId(id))!;
  }

  /**
   * Changes what is given. Options and variants replace the product's (see VariantService.apply); without
   * them, a product without options takes a new price or SKU on its one variant too.
   */
  async update(id: string, input: UpdateProductInput, actor: string): Promise<Product> {
    await this.uniqueSku(() =>
      this.tx.run(async (m) => {
        const product = await this.catalog.byId(id);
        if (!product) throw notFound("Product", id);
        const sku = input.sku?.trim().toUpperCase() || product.sku;
        const price = input.price ?? product.priceAmount;
        if (input.options || input.variants) {
          const options = input.options ?? product.options;
          const specs = options.length ? (input.variants ?? []) : [{ options: [], price, ...(input.variants?.[0] ?? {}) }];
          const plan = this.variants.plan({ sku, price }, options, specs);
          await this.variants.apply(product.id, plan, { reason: "Opening stock", actor, existing: false });
        } else if (product.options.length === 0 && (input.price != null || input.sku != null)) {
          const [variant] = await this.catalog.variantsFor([product.id]);
          const plan = this.variants.plan({ sku, price }, [], [{ id: variant?.id, options: [], price, imageUrl: variant?.imageUrl }]);
          await this.variants.apply(product.id, plan, { reason: "Opening stock", actor, existing: false });
        } else if (input.price != null) {
          throw badInput("price", `${product.name} has options: set the price of each variant instead`);
        }
        const changes: Partial<Product> = {};
        if (input.sku !== undefined && input.sku !== null) changes.sku = input.sku.trim().toUpperCase();
        if (input.name !== undefined && input.name !== null) changes.name = input.name.trim();
        if (input.description !== undefined && input.description !== null) changes.description = input.description.trim();
        if (input.status !== undefined && input.status !== null) changes.status = input.status;
        if (input.weightGrams !== undefined && input.weightGrams !== null) changes.weightGrams = input.weightGrams;
        if (Object.keys(changes).length) await m.update(Product, { id: product.id }, changes);
        if (input.images) await this.replaceImages(product.id, input.images);
        if (input.categoryIds) await this.categories.setForProduct(product.id, input.categoryIds);
      }),
    );
    return (await this.catalog.byId(id))!;
  }

  /** Deletes a product nobody ordered; one with orders must be archived instead (its history stays whole). */
  async delete(id: string): Promise<boolean> {
    return this.tx.run(async (m) => {
      const product = await this.catalog.byId(id);
      if (!product) throw notFound("Product", id);
      if (await this.references.isReferenced(product.id)) {
        throw badInput("id", `${product.name} has orders, so it can't be deleted; archive it instead`);
      }
      await this.categories.forgetProduct(product.id);
      await m.delete(Product, { id: product.id });
      return true;
    });
  }

  private async replaceImages(productId: number, images: ImageInput[]): Promise<void> {
    await this.tx.run(async (m) => {
      await m.delete(ProductImage, { productId });
      if (images.length) {
        await m.insert(
          ProductImage,
          images.map((img, position) => ({ productId, url: img.url, alt: img.alt.trim(), position })),
        );
      }
    });
  }

  private async uniqueSku<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("sku", "Another product already has this SKU");
      throw error;
    }
  }
}
