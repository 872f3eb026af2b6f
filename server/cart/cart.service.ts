import { randomUUID } from "node:crypto";
import type { CatalogService } from "../catalog/catalog.service";
import type { Product } from "../catalog/product.entity";
import type { ProductVariant } from "../catalog/variant.entity";
import { isUniqueViolation, type Transactions } from "../db/transaction";
import { badInput, notFound, outOfStock } from "../graphql/errors";
import { Money } from "../graphql/money.type";
import { CartLineEntity } from "./cart-line.entity";
import { CartEntity } from "./cart.entity";
import { Cart, CartLine } from "./cart.types";
import type { Owner } from "../graphql/context";
import { MAX_LINE_QUANTITY } from "./cart.args";
import { computeTotals, type PricingRule, type Totals } from "./pricing";

/** A cart's subtotal stays below this (minor units), so totals fit the 32-bit columns and GraphQL Int. */
export const MAX_CART_SUBTOTAL = 1_000_000_000;

const ownerWhere = (owner: Owner) => (owner.customerId ? { customerId: owner.customerId } : { sessionId: owner.sessionId });

/** "Tee (M / Blue)", or just the name for a product sold in one form. */
export const lineName = (product: Pick<Product, "name" | "options">, variant: Pick<ProductVariant, "optionValues">) =>
  product.options.length && variant.optionValues.length ? `${product.name} (${variant.optionValues.join(" / ")})` : product.name;

const parseLineId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : undefined);

export class CartService {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly pricing: PricingRule,
    private readonly currency: string,
  ) {}

  /** The owner's cart as the API shows it; an empty cart (creating nothing) when there is none. */
  async view(owner: Owner | undefined): Promise<Cart> {
    const cart = owner ? await this.tx.manager.findOneBy(CartEntity, ownerWhere(owner)) : null;
    const lines = cart ? await this.linesOf(cart.id) : [];
    return this.toView(cart?.id ?? "empty", lines);
  }

  /**
   * Adds `quantity` of a product's variant (its only one when none is named and it has no options), raising
   * the line's quantity if the variant is already in the cart. The session is only started (`ensureOwner`)
   * once the request is known to be good.
   */
  async add(ensureOwner: () => Promise<Owner>, productId: string, variantId: string | null | undefined, quantity: number): Promise<Cart> {
    const known = await this.catalog.sellable(productId);
    if (!known) throw notFound("Product", productId);
    this.checkStock(known, await this.catalog.variantToBuy(known, variantId), quantity);
    const owner = await ensureOwner();
    await this.tx.run(async (m) => {
      const product = await this.catalog.sellable(productId);
      if (!product) throw notFound("Product", productId);
      const variant = await this.catalog.variantToBuy(product, variantId);
      const cart = await this.lockCart(owner, true);
      const lines = await this.linesOf(cart!.id);
      const line = lines.find((l) => l.variantId === variant.id);
      const wanted = (line?.quantity ?? 0) + quantity;
      if (wanted > MAX_LINE_QUANTITY) {
        throw badInput("quantity", `A cart can hold at most ${MAX_LINE_QUANTITY} of one product`);
      }
      this.checkStock(product, variant, wanted);
      this.checkSubtotal(lines, variant, wanted);
      if (line) await m.update(CartLineEntity, { id: line.id }, { quantity: wanted });
      else await m.insert(CartLineEntity, { cartId: cart!.id, productId: product.id, variantId: variant.id, quantity: wanted });
    });
    return this.view(owner);
  }

  /** Sets a line's quantity; 0 removes the line. */
  async setQuantity(owner: Owner | undefined, lineId: string, quantity: number): Promise<Cart> {
    await this.tx.run(async (m) => {
      const line = await this.ownLine(owner, lineId);
      if (quantity === 0) return void (await m.delete(CartLineEntity, { id: line.id }));
      this.checkStock(line.product, line.variant, quantity);
      this.checkSubtotal(await this.linesOf(line.cartId), line.variant, quantity);
      await m.update(CartLineEntity, { id: line.id }, { quantity });
    });
    return this.view(owner);
  }

  async remove(owner: Owner | undefined, lineId: string): Promise<Cart> {
    await this.tx.run(async (m) => {
      const line = await this.ownLine(owner, lineId);
      await m.delete(CartLineEntity, { id: line.id });
    });
    return this.view(owner);
  }

  /**
   * At sign-in: moves the guest cart's lines into the customer's cart (created if need be), adding
   * quantities for products in both, capped by stock and the line maximum, then drops the guest cart.
   * Runs in the sign-in's transaction.
   */
  async mergeGuestCart(sessionId: string, customerId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const guest = await this.lockCart({ sessionId, customerId: null }, false);
      if (!guest) return;
      const guestLines = await this.linesOf(guest.id);
      if (guestLines.length) {
        const target = (await this.lockCart({ sessionId, customerId }, true))!;
        const existing = await this.linesOf(target.id);
        for (const line of guestLines) {
          const mine = existing.find((l) => l.variantId === line.variantId);
          const quantity = Math.min((mine?.quantity ?? 0) + line.quantity, line.variant.stock, MAX_LINE_QUANTITY);
          if (mine) await m.update(CartLineEntity, { id: mine.id }, { quantity: Math.max(quantity, 1) });
          else if (quantity > 0)
            await m.insert(CartLineEntity, { cartId: target.id, productId: line.productId, variantId: line.variantId, quantity });
        }
      }
      await m.delete(CartEntity, { id: guest.id });
    });
  }

  /**
   * For checkout, inside its transaction: locks the owner's cart (so two checkouts of one cart
   * run one after the other) and returns its lines with their products.
   */
  async lockForCheckout(owner: Owner): Promise<{ cartId: string; lines: CartLineEntity[] } | undefined> {
    return this.tx.run(async () => {
      const cart = await this.lockCart(owner, false);
      if (!cart) return undefined;
      return { cartId: cart.id, lines: await this.linesOf(cart.id) };
    });
  }

  /**
   * Gives an unpaid checkout's lines back to their owner's cart (created if need be), adding to what is
   * there now, capped at the line maximum. Never refused for stock: checkout says so if it is short.
   * Runs in the caller's transaction.
   */
  async restore(owner: Owner, lines: { productId: number; variantId: number | null; quantity: number }[]): Promise<void> {
    await this.tx.run(async (m) => {
      if (!lines.length) return;
      const cart = (await this.lockCart(owner, true))!;
      const existing = await m.find(CartLineEntity, { where: { cartId: cart.id } });
      const present = await this.catalog.variantsByIds(lines.flatMap((l) => (l.variantId === null ? [] : [l.variantId])));
      for (const line of lines) {
        const variant = present.find((v) => v.id === line.variantId);
        if (!variant) continue; // deleted from the catalog meanwhile
        const mine = existing.find((l) => l.variantId === variant.id);
        const quantity = Math.min((mine?.quantity ?? 0) + line.quantity, MAX_LINE_QUANTITY);
        if (mine) await m.update(CartLineEntity, { id: mine.id }, { quantity });
        else await m.insert(CartLineEntity, { cartId: cart.id, productId: variant.productId, variantId: variant.id, quantity });
      }
    });
  }

  async clear(cartId: string): Promise<void> {
    await this.tx.run((m) => m.delete(CartLineEntity, { cartId }));
  }

  private linesOf(cartId: string): Promise<CartLineEntity[]> {
    return this.tx.manager.find(CartLineEntity, { where: { cartId }, relations: { product: true, variant: true }, order: { id: "ASC" } });
  }

  /** Subtotal, shipping, tax and total of lines at their unit prices, by the store's pricing rule (checkout uses it too). */
  totals(lines: { unitPrice: number; quantity: number }[]): Totals {
    return computeTotals(this.pricing, lines);
  }

  /** The cart's subtotal with `variant` at `quantity` must stay under MAX_CART_SUBTOTAL. */
  private checkSubtotal(lines: CartLineEntity[], variant: ProductVariant, quantity: number): void {
    const others = lines.filter((l) => l.variantId !== variant.id).reduce((sum, l) => sum + l.variant.priceAmount * l.quantity, 0);
    if (others + variant.priceAmount * quantity > MAX_CART_SUBTOTAL) {
      throw badInput("quantity", "That would take the cart over the largest total this store takes in one order");
    }
  }

  private checkStock(product: Product, variant: ProductVariant, wanted: number): void {
    if (wanted > variant.stock) {
      const name = lineName(product, variant);
      const message = variant.stock === 0 ? `${name} is sold out` : `Only ${variant.stock} of ${name} in stock`;
      throw outOfStock(String(product.id), variant.stock, message);
    }
  }

  /** A line of the caller's own cart, locked with its cart; NOT_FOUND for anyone else's line. */
  private async ownLine(owner: Owner | undefined, lineId: string): Promise<CartLineEntity> {
    const id = parseLineId(lineId);
    const cart = owner && id !== undefined ? await this.lockCart(owner, false) : undefined;
    const line = cart
      ? await this.tx.manager.findOne(CartLineEntity, { where: { id, cartId: cart.id }, relations: { product: true, variant: true } })
      : null;
    if (!line) throw notFound("Cart line", lineId);
    return line;
  }

  /** The owner's cart row, locked FOR UPDATE where the engine has row locks; created on demand. In a transaction. */
  private async lockCart(owner: Owner, create: boolean): Promise<CartEntity | undefined> {
    const m = this.tx.manager;
    const find = () => {
      const qb = owner.customerId
        ? m.createQueryBuilder(CartEntity, "c").where("c.customer_id = :customerId", { customerId: owner.customerId })
        : m.createQueryBuilder(CartEntity, "c").where("c.session_id = :sessionId", { sessionId: owner.sessionId });
      return this.tx.lockForUpdate(qb).getOne();
    };
    const found = await find();
    if (found || !create) return found ?? undefined;
    try {
      await m.insert(CartEntity, {
        id: randomUUID(),
        ...(owner.customerId ? { customerId: owner.customerId } : { sessionId: owner.sessionId }),
      });
    } catch (error) {
      // Another request of the same session created it a moment ago.
      if (!isUniqueViolation(error)) throw error;
    }
    return (await find()) ?? undefined;
  }

  private toView(id: string, lines: CartLineEntity[]): Cart {
    const viewLines = lines.map((l) => {
      const line = new CartLine();
      line.id = String(l.id);
      line.product = l.product;
      line.variant = l.variant;
      line.quantity = l.quantity;
      line.unitPrice = Money.of(l.variant.priceAmount, this.currency);
      line.lineTotal = Money.of(l.variant.priceAmount * l.quantity, this.currency);
      return line;
    });
    const totals = this.totals(lines.map((l) => ({ unitPrice: l.variant.priceAmount, quantity: l.quantity })));
    const cart = new Cart();
    cart.id = id;
    cart.lines = viewLines;
    cart.totalQuantity = totals.totalQuantity;
    cart.subtotal = Money.of(totals.subtotal, this.currency);
    cart.shipping = Money.of(totals.shipping, this.currency);
    cart.tax = Money.of(totals.tax, this.currency);
    cart.total = Money.of(totals.total, this.currency);
    return cart;
  }
}
