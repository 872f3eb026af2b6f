import { moneyInputValue } from "../../common/money";
import type { Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import type { InventoryService } from "../inventory/inventory.service";
import { toCsv } from "../lib/csv";
import type { PaymentService } from "../payments/payment.service";
import { OrderEvent, OrderEventKind } from "./order-event.entity";
import { OrderLine } from "./order-line.entity";
import { findOrderWithLines, isOrderId } from "./order-queries";
import { TRANSITIONS, canMove } from "./order-status";
import { Order, OrderStatus } from "./order.entity";
import type { OrderService } from "./order.service";

/** An order event's note fits its column. */
const note = (text: string) => (text.length > 300 ? `${text.slice(0, 297)}...` : text);

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
  ) {}

  /** The statuses the order may move to now, from the transition table. */
  nextStatuses(order: Pick<Order, "status">): readonly OrderStatus[] {
    return TRANSITIONS[order.status];
  }

  events(orderId: string): Promise<OrderEvent[]> {
    return this.tx.manager.find(OrderEvent, { where: { orderId }, order: { id: "ASC" } });
  }

  /**
   * Moves an order to `to` if the move is legal (else BAD_USER_INPUT, nothing changed). Cancelling puts
   * the stock back through the ledger and, for a paid order, asks the provider for a refund once the
   * cancellation is committed; the history says it was requested, then whether it went through (with the
   * provider's answer) or failed (with its error).
   */
  async updateStatus(id: string, to: OrderStatus, actor: string): Promise<Order> {
    if (!isOrderId(id)) throw notFound("Order", id);
    const refund = await this.tx.run(async (m) => {
      const order = await this.tx.lockForUpdate(m.createQueryBuilder(Order, "o").where("o.id = :id", { id })).getOne();
      if (!order) throw notFound("Order", id);
      const from = order.status;
      if (!canMove(from, to)) throw badInput("status", `An order that is ${from} can't become ${to}`);
      const refundDue = to === OrderStatus.CANCELLED && from === OrderStatus.PAID;
      if (to === OrderStatus.CANCELLED) {
        const lines = await m.find(OrderLine, { where: { orderId: id }, order: { productId: "ASC" } });
        for (const line of lines) {
          // A restock is never refused for MAX_STOCK (the units were in stock before), so neither is the cancellation.
          await this.inventory.move({
            productId: line.productId,
            delta: line.quantity,
            reason: `Order ${order.number} cancelled`,
            actor,
            orderNumber: order.number,
            restock: true,
          });
        }
      }
      await m.update(Order, { id }, { status: to });
      await m.insert(OrderEvent, {
        orderId: id,
        fromStatus: from,
        toStatus: to,
        actor,
        note: to === OrderStatus.CANCELLED ? "Stock returned" : null,
      });
      if (!refundDue) return undefined;
      const amount = `${moneyInputValue(order.totalAmount, order.currency)} ${order.currency}`;
      await m.insert(OrderEvent, {
        orderId: id,
        kind: OrderEventKind.REFUND_REQUESTED,
        toStatus: to,
        actor,
        note: `Refund of ${amount} asked of ${order.paymentProvider} (charge ${order.paymentReference})`,
      });
      return { provider: order.paymentProvider, reference: order.paymentReference, status: to };
    });
    if (refund) {
      // The provider is called outside the transaction: a slow provider holds no locks.
      const outcome = await this.payments.refund(refund.provider, refund.reference);
      await this.tx.run((m) =>
        m.insert(OrderEvent, {
          orderId: id,
          kind: outcome.ok ? OrderEventKind.REFUNDED : OrderEventKind.REFUND_FAILED,
          toStatus: refund.status,
          actor: refund.provider,
          note: note(outcome.ok ? `Refund ${outcome.answer}` : `${outcome.error}. Refund it by hand in ${refund.provider}.`),
        }),
      );
    }
    return (await findOrderWithLines(this.tx.manager, { id }))!;
  }

  /** Every order as CSV, newest first, with its item count and totals in major units. */
  async exportCsv(): Promise<string> {
    const orders = await this.orders.all();
    const lines = await this.orders.linesFor(orders.map((o) => o.id));
    const items = new Map<string, number>();
    for (const l of lines) items.set(l.orderId, (items.get(l.orderId) ?? 0) + l.quantity);
    const header = [
      "number",
      "date",
      "status",
      "email",
      "items",
      "subtotal",
      "shipping",
      "tax",
      "total",
      "currency",
      "ship_to",
      "city",
      "country",
    ];
    const rows = orders.map((o) => [
      o.number,
      o.createdAt.toISOString(),
      o.status,
      o.email,
      items.get(o.id) ?? 0,
      moneyInputValue(o.subtotalAmount, o.currency),
      moneyInputValue(o.shippingAmount, o.currency),
      moneyInputValue(o.taxAmount, o.currency),
      moneyInputValue(o.totalAmount, o.currency),
      o.currency,
      o.shippingAddress.name,
      o.shippingAddress.city,
      o.shippingAddress.country,
    ]);
    return toCsv([header, ...rows]);
  }
}
