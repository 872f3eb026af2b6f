import { In } from "typeorm";
import { moneyInputValue } from "../../common/money";
import type { Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import type { InventoryService } from "../inventory/inventory.service";
import { toCsv } from "../lib/csv";
import type { PaymentService, RefundOutcome } from "../payments/payment.service";
import { OrderEvent, OrderEventKind } from "./order-event.entity";
import { OrderLine } from "./order-line.entity";
import { findOrderWithLines, fitNote, formatAmount, isOrderId, lockOrder } from "./order-queries";
import { TRANSITIONS, canMove } from "./order-status";
import { REFUND_CHECK_MS } from "./refund-timing";
import { Order, OrderStatus, PaymentStatus } from "./order.entity";
import type { DiscountService } from "../discounts/discount.service";
import type { OrderMailer } from "./order-mailer";
import type { OrderService } from "./order.service";

/** Orders an export reads at a time. */
export const EXPORT_PAGE = 1000;

/** An order as the export reads it (see exportPage). */
interface ExportRow {
  id: string;
  /** created_at as stored, the keyset's cursor. */
  at: string;
  number: string;
  status: string;
  email: string;
  currency: string;
  subtotal: number | string;
  shipping: number | string;
  tax: number | string;
  total: number | string;
  shipTo: string;
  city: string;
  country: string;
}

/** What the owner may add to a status move: a shipment's tracking number, and a note for the shopper. */
export interface ShipmentDetails {
  trackingNumber?: string | null;
  note?: string | null;
}

/**
 * The owner's order handling: status moves by the transition table, each recorded in the order's history,
 * and a cancellation's refund recorded as what happened to it.
 */
export class OrderAdminService {
  constructor(
    private readonly tx: Transactions,
    private readonly orders: OrderService,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentService,
    private readonly mailer: OrderMailer,
    private readonly discounts: DiscountService,
  ) {}

  /** The statuses the order may move to now, from the transition table. */
  nextStatuses(order: Pick<Order, "status">): readonly OrderStatus[] {
    return TRANSITIONS[order.status];
  }

  /** The histories of many orders in one query (for lists), each oldest first. */
  eventsFor(orderIds: readonly string[]): Promise<OrderEvent[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.tx.manager.find(OrderEvent, { where: { orderId: In([...orderIds]) }, order: { id: "ASC" } });
  }

  /**
   * Moves an order to `to` if the move is legal (else BAD_USER_INPUT, nothing changed). Cancelling puts
   * the stock back through the ledger and, for a paid order, asks the provider for a refund once the
   * cancellation is committed; the history says it was requested, then whether it went through (the order
   * becomes REFUNDED) or failed (with the provider's error, for "Retry refund").
   */
  async updateStatus(id: string, to: OrderStatus, actor: string, details: ShipmentDetails = {}): Promise<Order> {
    if (!isOrderId(id)) throw notFound("Order", id);
    const trackingNumber = details.trackingNumber?.trim() || null;
    const note = details.note?.trim() || null;
    if (trackingNumber && to !== OrderStatus.SHIPPED) throw badInput("trackingNumber", "A tracking number goes with shipping the order");
    const refundDue = await this.tx.run(async (m) => {
      const order = await lockOrder(this.tx, id);
      if (!order) throw notFound("Order", id);
      const from = order.status;
      if (!canMove(from, to)) throw badInput("status", `An order that is ${from} can't become ${to}`);
      const refundDue = to === OrderStatus.CANCELLED && order.paymentStatus === PaymentStatus.PAID;
      if (to === OrderStatus.CANCELLED) {
        const lines = await m.find(OrderLine, { where: { orderId: id }, order: { productId: "ASC", variantId: "ASC" } });
        for (const line of lines) {
          if (line.variantId === null) continue;
          // A restock is never refused for MAX_STOCK (the units were in stock before), so neither is the cancellation.
          await this.inventory.move({
            variantId: line.variantId,
            delta: line.quantity,
            reason: `Order ${order.number} cancelled`,
            actor,
            orderNumber: order.number,
            restock: true,
          });
        }
      }
      const unpaid = to === OrderStatus.CANCELLED && order.paymentStatus === PaymentStatus.PENDING;
      // Cancelled before it was paid: its discount code's use is given back.
      if (unpaid) await this.discounts.release(id);
      await m.update(
        Order,
        { id },
        {
          status: to,
          ...(trackingNumber ? { trackingNumber } : {}),
          ...(to === OrderStatus.SHIPPED && note ? { shippingNote: note } : {}),
          ...(unpaid ? { paymentStatus: PaymentStatus.FAILED, reconcileAt: null, paymentUrl: null } : {}),
          // Durable: if the refund below never happens (a crash), the sweeper makes it.
          ...(refundDue ? { reconcileAt: new Date(Date.now() + REFUND_CHECK_MS) } : {}),
        },
      );
      await m.insert(OrderEvent, {
        orderId: id,
        fromStatus: from,
        toStatus: to,
        actor,
        note:
          fitNote(
            [to === OrderStatus.CANCELLED ? "Stock returned" : null, trackingNumber ? `Tracking number ${trackingNumber}` : null, note]
              .filter(Boolean)
              .join(". "),
          ) || null,
      });
      if (to === OrderStatus.SHIPPED) await this.mailer.shipped(id, trackingNumber, note);
      if (to === OrderStatus.CANCELLED && this.mailer.wasConfirmed(order))
        await this.mailer.cancelled(id, refundDue ? "REFUND_PENDING" : "NOT_CHARGED");
      return refundDue;
    });
    if (refundDue) await this.refund(id, actor);
    return (await findOrderWithLines(this.tx.manager, { id }))!;
  }

  /** Admin "Retry refund" for a refund the provider refused. */
  async retryRefund(id: string, actor: string): Promise<Order> {
    if (!isOrderId(id)) throw notFound("Order", id);
    const order = await this.tx.manager.findOneBy(Order, { id });
    if (!order) throw notFound("Order", id);
    if (order.paymentStatus !== PaymentStatus.REFUND_FAILED) {
      throw badInput("id", `Only a refund that failed can be retried; this payment is ${order.paymentStatus}`);
    }
    await this.refund(id, actor);
    return (await findOrderWithLines(this.tx.manager, { id }))!;
  }

  /**
   * Refunds an order's payment in full: REFUND_REQUESTED is recorded first, the provider is called outside
   * any transaction (a slow provider holds no locks), and its answer recorded by `recordRefund`. Each attempt
   * has its own idempotency key, so a repeated call of one attempt never refunds twice.
   */
  async refund(id: string, actor: string): Promise<void> {
    const request = await this.tx.run(async (m) => {
      const order = await lockOrder(this.tx, id);
      if (!order?.paymentReference) return undefined;
      if (order.paymentStatus !== PaymentStatus.PAID && order.paymentStatus !== PaymentStatus.REFUND_FAILED) return undefined;
      // A new key only after a refusal: asking again after a crash (the sweeper) repeats the same request.
      const attempt = await m.count(OrderEvent, { where: { orderId: id, kind: OrderEventKind.REFUND_FAILED } });
      const amount = formatAmount(order.totalAmount, order.currency);
      await m.insert(OrderEvent, {
        orderId: id,
        kind: OrderEventKind.REFUND_REQUESTED,
        toStatus: order.status,
        actor,
        note: fitNote(`Refund of ${amount} asked of ${order.paymentProvider} (payment ${order.paymentReference})`),
      });
      return { provider: order.paymentProvider, reference: order.paymentReference, key: `refund-${id}-${attempt + 1}` };
    });
    if (!request) return;
    const outcome = await this.payments.refund(request.provider, request.reference, request.key);
    await this.recordRefund(id, request.provider, outcome);
  }

  /**
   * What became of a refund (the provider's answer, or its webhook): done makes the order REFUNDED; pending
   * waits for the provider's confirmation; failed makes the payment REFUND_FAILED with the provider's error.
   * Repeats are no-ops (a refund confirmed twice, a failure after the success).
   */
  async recordRefund(id: string, provider: string, outcome: RefundOutcome): Promise<void> {
    await this.tx.run(async (m) => {
      const order = await lockOrder(this.tx, id);
      if (!order || order.paymentStatus === PaymentStatus.REFUNDED) return;
      if (outcome.ok && !outcome.done) {
        // The provider confirms later (its webhook); the sweeper asks again if that never comes.
        await m.update(Order, { id }, { reconcileAt: new Date(Date.now() + 60 * 60_000) });
        await m.insert(OrderEvent, {
          orderId: id,
          kind: OrderEventKind.REFUND_REQUESTED,
          toStatus: order.status,
          actor: provider,
          note: fitNote(`Refund ${outcome.reference} is pending at ${provider}`),
        });
        return;
      }
      if (!outcome.ok && order.paymentStatus !== PaymentStatus.PAID && order.paymentStatus !== PaymentStatus.REFUND_FAILED) return;
      const status = outcome.ok && order.status === OrderStatus.CANCELLED ? OrderStatus.REFUNDED : order.status;
      if (outcome.ok) await this.mailer.refunded(id);
      await m.update(
        Order,
        { id },
        { status, paymentStatus: outcome.ok ? PaymentStatus.REFUNDED : PaymentStatus.REFUND_FAILED, reconcileAt: null },
      );
      await m.insert(OrderEvent, {
        orderId: id,
        kind: outcome.ok ? OrderEventKind.REFUNDED : OrderEventKind.REFUND_FAILED,
        fromStatus: status !== order.status ? order.status : null,
        toStatus: status,
        actor: provider,
        note: fitNote(
          outcome.ok
            ? `Refund ${outcome.reference}: succeeded`
            : `${outcome.error}. Retry the refund, or refund it by hand in ${provider}.`,
        ),
      });
    });
  }

  /**
   * Every order as CSV, newest first, with its item count and totals in major units. Yields the CSV a page of
   * `pageSize` orders at a time (keyset on created_at and id, so no statement lists more than one page's ids
   * and memory holds one page): the caller writes each to the response as it comes, and may stop early.
   */
  async *exportCsv(pageSize = EXPORT_PAGE): AsyncGenerator<string> {
    yield toCsv([
      ["number", "date", "status", "email", "items", "subtotal", "shipping", "tax", "total", "currency", "ship_to", "city", "country"],
    ]);
    for (let after: ExportRow | undefined; ;) {
      const page = await this.exportPage(pageSize, after);
      if (!page.length) return;
      after = page[page.length - 1];
      const ids = page.map((o) => o.id);
      const counts = await this.tx.manager
        .createQueryBuilder(OrderLine, "l")
        .select("l.order_id", "orderId")
        .addSelect("SUM(l.quantity)", "items")
        .where("l.order_id IN (:...ids)", { ids })
        .groupBy("l.order_id")
        .getRawMany<{ orderId: string; items: string | number }>();
      const items = new Map(counts.map((c) => [c.orderId, Number(c.items)]));
      yield toCsv(
        page.map((o) => [
          o.number,
          // As stored, in UTC: "2026-01-01 10:00:00.123456" (MySQL) or "2026-01-01 10:00:00.123" (SQLite).
          new Date(`${o.at.replace(" ", "T")}Z`).toISOString(),
          o.status,
          o.email,
          items.get(o.id) ?? 0,
          moneyInputValue(Number(o.subtotal), o.currency),
          moneyInputValue(Number(o.shipping), o.currency),
          moneyInputValue(Number(o.tax), o.currency),
          moneyInputValue(Number(o.total), o.currency),
          o.currency,
          o.shipTo,
          o.city,
          o.country,
        ]),
      );
      if (page.length < pageSize) return;
    }
  }

  /**
   * The next `size` orders, newest first, after `after` (the last page's last order), as the export's columns
   * (plain rows: entities would cost more than the query). The cursor is created_at as the database stores it
   * (as text on MySQL, whose DATETIME(6) a JavaScript Date would cut to milliseconds), so no order is skipped or
   * repeated between pages, and the index on (created_at, id) bounds each page's scan.
   */
  private exportPage(size: number, after?: ExportRow): Promise<ExportRow[]> {
    const meta = this.tx.manager.connection.getMetadata(Order);
    const column = (path: string) => `o.${this.tx.manager.connection.driver.escape(meta.findColumnWithPropertyPath(path)!.databaseName)}`;
    const qb = this.tx.manager
      .createQueryBuilder(Order, "o")
      .select("o.id", "id")
      .addSelect(this.tx.engine === "mysql" ? "CAST(o.created_at AS CHAR)" : "o.created_at", "at")
      .addSelect("o.number", "number")
      .addSelect("o.status", "status")
      .addSelect("o.email", "email")
      .addSelect("o.currency", "currency")
      .addSelect("o.subtotal_amount", "subtotal")
      .addSelect("o.shipping_amount", "shipping")
      .addSelect("o.tax_amount", "tax")
      .addSelect("o.total_amount", "total")
      .addSelect(column("shippingAddress.name"), "shipTo")
      .addSelect(column("shippingAddress.city"), "city")
      .addSelect(column("shippingAddress.country"), "country");
    if (after) qb.where("o.created_at <= :at AND (o.created_at < :at OR o.id < :id)", { at: after.at, id: after.id });
    return qb.orderBy("o.created_at", "DESC").addOrderBy("o.id", "DESC").limit(size).getRawMany();
  }
}
