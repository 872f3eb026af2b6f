import type { InventoryService } from "../inventory/inventory.service";
import type { Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import type { PaymentService } from "../payments/payment.service";
import { OrderLine } from "./order-line.entity";
import { OrderEvent } from "./order-event.entity";
import { canMove } from "./order-status";
import { Order, OrderStatus } from "./order.entity";
import { findOrderWithLines, isOrderId } from "./order-queries";


/** The owner's order handling: status moves by the transition table, each recorded in the order's history. */
export class OrderAdminService {
  constructor(
    private readonly tx: Transactions,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentService,
  ) {}

  events(orderId: string): Promise<OrderEvent[]> {
    return this.tx.reader.find(OrderEvent, { where: { orderId }, order: { id: "ASC" } });
  }

  /**
   * Moves an order to `to` if the move is legal (else BAD_USER_INPUT, nothing changed). Cancelling puts
   * the stock back and refunds a paid order.
   */
  async updateStatus(id: string, to: OrderStatus, actor: string): Promise<Order> {
    if (!isOrderId(id)) throw notFound("Order", id);
    let refund: { provider: string; reference: string } | undefined;
    await this.tx.run(async (m) => {
      const qb = m.createQueryBuilder(Order, "o").where("o.id = :id", { id });
      if (this.tx.rowLocks) qb.setLock("pessimistic_write");
      const order = await qb.getOne();
      if (!order) throw notFound("Order", id);
      const from = order.status;
      if (!canMove(from, to)) throw badInput("status", `An order that is ${from} can't become ${to}`);
      if (to === OrderStatus.CANCELLED) {
        const lines = await m.find(OrderLine, { where: { orderId: id }, order: { productId: "ASC" } });
        for (const line of lines) {
          await this.inventory.move(m, line.productId, line.quantity, `Order ${order.number} cancelled`, actor);
        }
        if (from === OrderStatus.PAID) refund = { provider: order.paymentProvider, reference: order.paymentReference };
      }
      await m.update(Order, { id }, { status: to });
      await m.insert(OrderEvent, { orderId: id, fromStatus: from, toStatus: to, actor, note: refund ? "Payment refunded" : null });
    });
    if (refund) await this.payments.refund(refund.provider, refund.reference);
    return (await findOrderWithLines(this.tx.reader, { id }))!;
  }
}
