import { randomUUID } from "node:crypto";
import { In, MoreThanOrEqual, Not } from "typeorm";
import type { ProductReferences } from "../catalog/catalog.port";
import type { CatalogService } from "../catalog/catalog.service";
import type { CartService } from "../cart/cart.service";
import { LIKE_ESCAPE, containsPattern } from "../db/like";
import type { Transactions } from "../db/transaction";
import type { Owner, Viewer } from "../graphql/context";
import { toPage } from "../graphql/connection";
import { decodeIntCursor, encodeCursor } from "../graphql/cursor";
import { badInput, cartEmpty, outOfStock, paymentDeclined } from "../graphql/errors";
import type { InventoryService } from "../inventory/inventory.service";
import type { PaymentService } from "../payments/payment.service";
import type { Address } from "./address.type";
import type { AddressInput, PlaceOrderInput } from "./order.inputs";
import { OrderEvent } from "./order-event.entity";
import { OrderLine } from "./order-line.entity";
import type { OrderNumberGenerator } from "./order-number";
import { findOrderWithLines, isOrderId } from "./order-queries";
import { Order, OrderStatus } from "./order.entity";
import type { OrderConnection } from "./order.types";

/** Totals are stored in signed 32-bit columns and sent as GraphQL Int. */
const MAX_ORDER_TOTAL = 2_147_483_647;
/** The role that sees every order (accounts' Role.ADMIN). */
const ADMIN_ROLE = "ADMIN";

function toAddress(input: AddressInput): Address {
  const opt = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    name: input.name.trim(),
    line1: input.line1.trim(),
    line2: opt(input.line2),
    city: input.city.trim(),
    region: opt(input.region),
    postalCode: input.postalCode.trim(),
    country: input.country.toUpperCase(),
  };
}

export class OrderService implements ProductReferences {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
    private readonly cart: CartService,
    private readonly payments: PaymentService,
    private readonly numbers: OrderNumberGenerator,
    private readonly currency: string,
  ) {}

  /**
   * An order for whoever may see it: the session that placed it, the customer it belongs to (from any
   * of their sessions), or an admin; null for anyone else and for ids that don't exist.
   */
  async forViewer(viewer: Viewer, id: string): Promise<Order | null> {
    if (!viewer.sessionId || !isOrderId(id)) return null;
    const order = await findOrderWithLines(this.tx.manager, { id });
    if (!order) return null;
    const mine = order.sessionId === viewer.sessionId || (viewer.customerId !== undefined && order.customerId === viewer.customerId);
    return mine || viewer.role === ADMIN_ROLE ? order : null;
  }

  /**
   * A page of orders, newest first: a customer's own, or (admin) any, by status and by a search of the
   * number and email. The cursor is an opaque offset.
   */
  async list(
    filter: { customerId?: string; status?: OrderStatus | null; search?: string | null },
    first: number,
    after?: string | null,
  ): Promise<OrderConnection> {
    const offset = after ? decodeIntCursor("orders", after) : 0;
    const qb = this.tx.manager.createQueryBuilder(Order, "o");
    if (filter.customerId) qb.andWhere("o.customer_id = :customerId", { customerId: filter.customerId });
    if (filter.status) qb.andWhere("o.status = :status", { status: filter.status });
    const term = filter.search?.trim().toLowerCase();
    if (term)
      qb.andWhere(`(LOWER(o.number) LIKE :q ${LIKE_ESCAPE} OR LOWER(o.email) LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(term) });
    const totalCount = await qb.clone().getCount();
    const rows = await qb
      .orderBy("o.created_at", "DESC")
      .addOrderBy("o.id", "DESC")
      .offset(offset)
      .limit(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (_last, nodes) => encodeCursor("orders", offset + nodes.length));
  }

  /** The lines of many orders in one query (for lists). */
  async linesFor(orderIds: readonly string[]): Promise<OrderLine[]> {
    if (!orderIds.length) return [];
    return this.tx.manager.find(OrderLine, { where: { orderId: In([...orderIds]) }, order: { orderId: "ASC", position: "ASC" } });
  }

  /** Every order, newest first (the orders export). */
  all(): Promise<Order[]> {
    return this.tx.manager.find(Order, { order: { createdAt: "DESC" } });
  }

  /** Orders since a moment that count as sales (not cancelled or refunded), for the dashboard. */
  salesSince(since: Date): Promise<Pick<Order, "id" | "createdAt" | "totalAmount">[]> {
    return this.tx.manager.find(Order, {
      where: { createdAt: MoreThanOrEqual(since), status: Not(In([OrderStatus.CANCELLED, OrderStatus.REFUNDED])) },
      select: { id: true, createdAt: true, totalAmount: true },
    });
  }

  /** Products that orders refer to can't be deleted (catalog's ProductReferences). */
  isReferenced(productId: number): Promise<boolean> {
    return this.tx.manager.exists(OrderLine, { where: { productId } });
  }

  /**
   * Checkout, in one transaction: lock the cart, take the stock through the inventory ledger (conditional
   * decrements, rows in product-id order), re-read the prices, charge the payment, store the order as a
   * snapshot and empty the cart. Any failure rolls all of it back; a charge that went through is then
   * refunded. With an idempotency key, a repeated call returns the order the first call made.
   */
  async place(owner: Owner | undefined, input: PlaceOrderInput, actor = input.email.trim()): Promise<Order> {
    const provider = this.payments.provider(input.payment.provider);
    if (!owner) throw cartEmpty();
    const { sessionId } = owner;
    const key = input.idempotencyKey ?? null;
    const orderId = randomUUID();
    // The charge survives a retried transaction (deadlock, busy): a retry that comes to the same total
    // reuses it; one that doesn't (a price changed in between) refunds it and charges the new total.
    let charge: { reference: string; amount: number } | undefined;
    try {
      return await this.tx.run(async (m) => {
        const checkout = await this.cart.lockForCheckout(owner);
        if (key) {
          const earlier = await findOrderWithLines(m, { sessionId, idempotencyKey: key });
          if (earlier) return earlier;
        }
        if (!checkout || checkout.lines.length === 0) throw cartEmpty();
        const number = this.numbers.next();
        const lines = [...checkout.lines].sort((a, b) => a.productId - b.productId);
        for (const line of lines) {
          const taken = await this.inventory.move({
            productId: line.productId,
            delta: -line.quantity,
            reason: "Sale",
            actor,
            orderNumber: number,
          });
          if (!taken.applied) {
            throw outOfStock(
              String(line.productId),
              taken.stock,
              taken.stock === 0
                ? `${line.product.name} is sold out; remove it from the cart to continue`
                : `Only ${taken.stock} of ${line.product.name} left; lower the quantity to continue`,
            );
          }
        }
        const products = new Map((await this.catalog.byIds(lines.map((l) => l.productId))).map((p) => [p.id, p]));
        const retired = lines.find((l) => {
          const product = products.get(l.productId);
          return !product || !this.catalog.isOnSale(product);
        });
        if (retired) {
          throw outOfStock(String(retired.productId), 0, `${retired.product.name} is no longer sold; remove it from the cart to continue`);
        }
        const priced = checkout.lines.map((line) => {
          const product = products.get(line.productId)!;
          return { line, product, unitPrice: product.priceAmount, quantity: line.quantity };
        });
        const totals = this.cart.totals(priced);
        if (totals.total > MAX_ORDER_TOTAL) throw badInput("cart", "The order total is larger than this store can take in one order");
        if (charge && charge.amount !== totals.total) {
          await this.payments.refund(provider.name, charge.reference);
          charge = undefined;
        }
        if (!charge) {
          const result = await this.payments.charge(provider, {
            amount: totals.total,
            currency: this.currency,
            token: input.payment.token,
            idempotencyKey: randomUUID(),
            description: `Order ${number}`,
          });
          if (!result.ok) throw paymentDeclined(result.reason);
          charge = { reference: result.reference, amount: totals.total };
        }
        const shippingAddress = toAddress(input.shippingAddress);
        const order = m.create(Order, {
          id: orderId,
          number,
          status: OrderStatus.PAID,
          email: input.email.trim(),
          sessionId,
          customerId: owner.customerId,
          idempotencyKey: key,
          currency: this.currency,
          subtotalAmount: totals.subtotal,
          shippingAmount: totals.shipping,
          taxAmount: totals.tax,
          totalAmount: totals.total,
          shippingAddress,
          billingAddress: input.billingAddress ? toAddress(input.billingAddress) : { ...shippingAddress },
          paymentProvider: provider.name,
          paymentReference: charge.reference,
        });
        await m.insert(Order, order);
        order.lines = priced.map(({ line, product, unitPrice }, position) =>
          m.create(OrderLine, {
            orderId,
            productId: product.id,
            position,
            sku: product.sku,
            name: product.name,
            quantity: line.quantity,
            currency: this.currency,
            unitPriceAmount: unitPrice,
            lineTotalAmount: unitPrice * line.quantity,
          }),
        );
        await m.insert(OrderLine, order.lines);
        await m.insert(OrderEvent, { orderId, fromStatus: null, toStatus: OrderStatus.PAID, actor, note: `Paid with ${provider.name}` });
        await this.cart.clear(checkout.cartId);
        return (await findOrderWithLines(m, { id: orderId }))!;
      });
    } catch (error) {
      if (charge) await this.payments.refund(provider.name, charge.reference);
      throw error;
    }
  }
}
