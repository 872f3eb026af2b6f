import type { EmailService } from "../email/email.service";
import type { CancelledMail, OrderMail } from "../email/email.types";
import type { Transactions } from "../db/transaction";
import { PaymentKind } from "../payments/payment.port";
import type { PaymentService } from "../payments/payment.service";
import { findOrderWithLines } from "./order-queries";
import { OrderStatus, PaymentStatus, type Order } from "./order.entity";

/**
 * The emails an order's changes send, written to the outbox in the transaction that makes the change (call
 * these inside it): the order as it stands then, with its payment method and links.
 */
export class OrderMailer {
  constructor(
    private readonly tx: Transactions,
    private readonly email: EmailService,
    private readonly payments: PaymentService,
    /** The shop's public address for links; null: the emails go without them. */
    private readonly publicUrl: string | null,
  ) {}

  /** Confirmation to the shopper, alert to the owner: once paid, or once placed with a manual method. */
  async placed(orderId: string): Promise<void> {
    await this.email.orderPlaced(await this.snapshot(orderId));
  }

  async shipped(orderId: string, trackingNumber: string | null, note: string | null): Promise<void> {
    await this.email.orderShipped(await this.snapshot(orderId), trackingNumber, note);
  }

  async cancelled(orderId: string, payment: CancelledMail["payment"]): Promise<void> {
    await this.email.orderCancelled(await this.snapshot(orderId), payment);
  }

  async refunded(orderId: string): Promise<void> {
    const order = await this.snapshot(orderId);
    await this.email.orderRefunded(order, order.total);
  }

  /** Whether the shopper was told of this order (so a cancellation is worth an email): paid, or placed for a manual payment. */
  wasConfirmed(order: Pick<Order, "paymentStatus" | "paymentProvider">): boolean {
    return order.paymentStatus === PaymentStatus.PAID || this.payments.find(order.paymentProvider)?.kind === PaymentKind.MANUAL;
  }

  private async snapshot(orderId: string): Promise<OrderMail> {
    const order = (await findOrderWithLines(this.tx.manager, { id: orderId }))!;
    const provider = this.payments.find(order.paymentProvider);
    const paid = order.paymentStatus !== PaymentStatus.PENDING && order.paymentStatus !== PaymentStatus.FAILED;
    const waiting = order.status === OrderStatus.PENDING_PAYMENT && !paid;
    return {
      id: order.id,
      number: order.number,
      email: order.email,
      placedAt: order.createdAt.toISOString(),
      currency: order.currency,
      lines: order.lines.map((l) => ({
        name: l.name,
        variantTitle: l.variantTitle,
        sku: l.sku,
        quantity: l.quantity,
        unitAmount: l.unitPriceAmount,
        lineAmount: l.lineTotalAmount,
      })),
      subtotal: order.subtotalAmount,
      discountCode: order.discountCode,
      discount: order.discountAmount,
      shipping: order.shippingAmount,
      shippingMethod: order.shippingMethod,
      tax: order.taxAmount,
      taxLabel: order.taxLabel,
      taxIncluded: order.taxIncluded,
      total: order.totalAmount,
      shippingAddress: { ...order.shippingAddress },
      billingAddress: { ...order.billingAddress },
      payment: {
        method: provider?.displayName ?? order.paymentProvider,
        instructions: waiting && provider?.kind === PaymentKind.MANUAL ? provider.instructions : null,
        paid,
      },
      link: this.publicUrl ? `${this.publicUrl}/order/${order.id}` : null,
      adminLink: this.publicUrl ? `${this.publicUrl}/admin/orders/${order.id}` : null,
    };
  }
}
