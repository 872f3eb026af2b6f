import { randomUUID } from "node:crypto";
import { countryName } from "../../common/address";
import type { CatalogService } from "../catalog/catalog.service";
import type { Product } from "../catalog/product.entity";
import type { ProductVariant } from "../catalog/variant.entity";
import { isUniqueViolation, type Transactions } from "../db/transaction";
import { AppError, ErrorCode, badInput, notFound, outOfStock } from "../graphql/errors";
import { Money } from "../graphql/money.type";
import { CartLineEntity } from "./cart-line.entity";
import { CartEntity } from "./cart.entity";
import { Cart, CartLine, type ShippingOption } from "./cart.types";
import type { ShippingService } from "../shipping/shipping.service";
import type { DiscountService } from "../discounts/discount.service";
import { discountInvalid } from "../discounts/discount.service";
import type { DiscountCode } from "../discounts/discount-code.entity";
import type { Owner } from "../graphql/context";
import { MAX_LINE_QUANTITY } from "./cart.args";
import type { Destination, PricedRate, PriceLine, TaxRateSpec, Totals } from "../shipping/shipping.types";

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
    private readonly shipping: ShippingService,
    private readonly discounts: DiscountService,
    private readonly currency: string,
  ) {}

  /** The owner's cart as the API shows it; an empty cart (creating nothing) when there is none. */
  async view(owner: Owner | undefined): Promise<Cart> {
    const cart = owner ? await this.tx.manager.findOneBy(CartEntity, ownerWhere(owner)) : null;
    const lines = cart ? await this.linesOf(cart.id) : [];
    return this.toView(cart, lines);
  }

  /** Applies a discount code (one per cart: it replaces any other); DISCOUNT_INVALID with its reason when it can't be used. */
  async applyDiscount(ensureOwner: () => Promise<Owner>, raw: string): Promise<Cart> {
    const owner = await ensureOwner();
    await this.tx.run(async (m) => {
      const cart = (await this.lockCart(owner, true))!;
      const lines = await this.linesOf(cart.id);
      const code = await this.discounts.check(raw, subtotalOf(lines));
      await m.update(CartEntity, { id: cart.id }, { discountCode: code.code });
    });
    return this.view(owner);
  }

  async removeDiscount(owner: Owner | undefined): Promise<Cart> {
    if (owner) await this.tx.run((m) => m.update(CartEntity, ownerWhere(owner), { discountCode: null }));
    return this.view(owner);
  }

  /** Where the cart ships, so shipping and tax are priced before the address form is done; NO_SHIPPING where the store doesn't ship. */
  async setDestination(ensureOwner: () => Promise<Owner>, destination: Destination): Promise<Cart> {
    const country = destination.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) throw badInput("country", "country must be a two-letter code like DE");
    if (!(await this.shipping.shipsTo(country))) throw noShipping(country);
    const owner = await ensureOwner();
    await this.tx.run(async (m) => {
      const cart = (await this.lockCart(owner, true))!;
      await m.update(
        CartEntity,
        { id: cart.id },
        {
          shipCountry: country,
          shipRegion: destination.region?.trim().slice(0, 100) || null,
          shipPostalCode: destination.postalCode?.trim().slice(0, 20) || null,
        },
      );
    });
    return this.view(owner);
  }

  /** Chooses one of the cart's shipping options (NOT_FOUND for any other). */
  async selectShipping(owner: Owner | undefined, optionId: string): Promise<Cart> {
    const view = await this.view(owner);
    if (!owner || !view.shippingOptions.some((o) => o.id === optionId)) throw notFound("Shipping option", optionId);
    await this.tx.run((m) => m.update(CartEntity, ownerWhere(owner), { shippingRateId: Number(optionId) }));
    return this.view(owner);
  }

  /**
   * Prices lines for a destination with the store's zones and tax rates (checkout uses it too); `discount`
   * is the amount a code takes off the subtotal.
   */
  async price(
    lines: PriceLine[],
    opts: { destination?: Destination | null; rateId?: number | null; discount?: (subtotal: number) => number } = {},
  ): Promise<Totals & { zoneName: string | null }> {
    return this.shipping.quote(lines, opts);
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
  async lockForCheckout(owner: Owner): Promise<{ cartId: string; cart: CartEntity; lines: CartLineEntity[] } | undefined> {
    return this.tx.run(async () => {
      const cart = await this.lockCart(owner, false);
      if (!cart) return undefined;
      return { cartId: cart.id, cart, lines: await this.linesOf(cart.id) };
    });
  }

  /**
   * Gives an unpaid checkout's lines back to their owner's cart (created if need be), adding to what is
   * there now, capped at the line maximum. Never refused for stock: checkout says so if it is short.
   * Runs in the caller's transaction.
   */
  async restore(
    owner: Owner,
    lines: { productId: number; variantId: number | null; quantity: number }[],
    discountCode: string | null = null,
  ): Promise<void> {
    await this.tx.run(async (m) => {
      if (!lines.length) return;
      const cart = (await this.lockCart(owner, true))!;
      // The code goes back too (unless the shopper has applied another since): it is checked again at the next view.
      if (discountCode && !cart.discountCode) await m.update(CartEntity, { id: cart.id }, { discountCode });
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

  /** Locks (creating it if need be) the owner's cart row, in the caller's transaction: a caller that must take the cart's lock before others. */
  async lockOwnerCart(owner: Owner): Promise<void> {
    await this.lockCart(owner, true);
  }

  /** After checkout: the lines and the code go (the destination and shipping choice stay for next time). */
  async clear(cartId: string): Promise<void> {
    await this.tx.run(async (m) => {
      await m.delete(CartLineEntity, { cartId });
      await m.update(CartEntity, { id: cartId }, { discountCode: null });
    });
  }

  private linesOf(cartId: string): Promise<CartLineEntity[]> {
    return this.tx.manager.find(CartLineEntity, { where: { cartId }, relations: { product: true, variant: true }, order: { id: "ASC" } });
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

  private async toView(entity: CartEntity | null, lines: CartLineEntity[]): Promise<Cart> {
    const money = (amount: number) => Money.of(amount, this.currency);
    const viewLines = lines.map((l) => {
      const line = new CartLine();
      line.id = String(l.id);
      line.product = l.product;
      line.variant = l.variant;
      line.quantity = l.quantity;
      line.available = this.catalog.isOnSale(l.product);
      line.unitPrice = money(l.variant.priceAmount);
      line.lineTotal = money(l.variant.priceAmount * l.quantity);
      return line;
    });
    const subtotal = subtotalOf(lines);
    // The applied code is checked again on every view: it may have expired, or the cart fallen below its minimum.
    let code: DiscountCode | null = null;
    let discountProblem: string | null = null;
    if (entity?.discountCode) {
      code = await this.discounts.find(entity.discountCode);
      const problem = this.discounts.problem(code, subtotal);
      if (problem) {
        discountProblem = discountInvalid(entity.discountCode, problem.reason, problem.detail).message;
        code = null;
      }
    }
    const destination = entity?.shipCountry
      ? { country: entity.shipCountry, region: entity.shipRegion, postalCode: entity.shipPostalCode }
      : null;
    const totals = await this.price(priceLines(lines), {
      destination,
      rateId: entity?.shippingRateId,
      discount: code ? (s) => this.discounts.amountOff(code, s) : undefined,
    });
    const option = (o: PricedRate): ShippingOption => ({
      id: String(o.rate.id),
      name: o.rate.name,
      price: money(o.price),
      estimatedDays: o.rate.estimatedDays,
    });
    const cart = new Cart();
    cart.id = entity?.id ?? "empty";
    cart.lines = viewLines;
    cart.totalQuantity = totals.totalQuantity;
    cart.subtotal = money(totals.subtotal);
    cart.discountCode = entity?.discountCode ?? null;
    cart.discount = money(totals.discount);
    cart.discountProblem = discountProblem;
    cart.destination = destination;
    cart.shippingOptions = totals.options.map(option);
    cart.selectedShipping = totals.selected ? option(totals.selected) : null;
    cart.shipping = money(totals.shipping);
    cart.tax = money(totals.tax);
    cart.taxIncluded = totals.taxIncluded;
    cart.taxLabel = taxLabel(totals.taxRate);
    cart.freeShippingIn = totals.freeShippingIn === null ? null : money(totals.freeShippingIn);
    cart.total = money(totals.total);
    return cart;
  }
}

const subtotalOf = (lines: CartLineEntity[]) => lines.reduce((sum, l) => sum + l.variant.priceAmount * l.quantity, 0);

/** Lines as pricing takes them: the variant's price, the product's weight. */
export const priceLines = (lines: CartLineEntity[]): PriceLine[] =>
  lines.map((l) => ({ unitPrice: l.variant.priceAmount, quantity: l.quantity, weightGrams: l.product.weightGrams }));

/** "VAT 19%", or null when no tax applies. */
export function taxLabel(rate: TaxRateSpec | null): string | null {
  if (!rate || rate.rateBps === 0) return null;
  return `${rate.name} ${(rate.rateBps / 100).toLocaleString("en", { maximumFractionDigits: 2 })}%`;
}

export const noShipping = (country: string, parcel = false) =>
  new AppError(
    ErrorCode.NO_SHIPPING,
    parcel
      ? `Sorry, none of this shop's shipping methods to ${countryName(country)} takes a parcel of this weight; try fewer items`
      : `Sorry, this shop doesn't ship to ${countryName(country)}`,
    { country, reason: parcel ? "PARCEL" : "COUNTRY" },
  );
