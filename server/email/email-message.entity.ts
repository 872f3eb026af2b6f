import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/** What a message is about; each has its template in templates/. */
export enum EmailKind {
  ORDER_CONFIRMATION = "ORDER_CONFIRMATION",
  NEW_ORDER_ALERT = "NEW_ORDER_ALERT",
  ORDER_SHIPPED = "ORDER_SHIPPED",
  ORDER_CANCELLED = "ORDER_CANCELLED",
  ORDER_REFUNDED = "ORDER_REFUNDED",
  PASSWORD_RESET = "PASSWORD_RESET",
  PASSWORD_CHANGED = "PASSWORD_CHANGED",
}
registerEnumType(EmailKind, {
  name: "EmailKind",
  valuesConfig: {
    ORDER_CONFIRMATION: { description: "To the shopper: the order, once paid (a manual payment: once placed, with how to pay)." },
    NEW_ORDER_ALERT: { description: "To the owner (STORE_OWNER_EMAIL): a new order came in." },
    ORDER_SHIPPED: { description: "To the shopper: the order was shipped, with the tracking number and note when given." },
    ORDER_CANCELLED: { description: "To the shopper: the owner cancelled a confirmed order." },
    ORDER_REFUNDED: { description: "To the shopper: the payment was given back." },
    PASSWORD_RESET: { description: "To a customer who asked: a link to set a new password (1 hour, once)." },
    PASSWORD_CHANGED: { description: "To a customer: their password was changed (reset or on the account page)." },
  },
});

export enum EmailStatus {
  PENDING = "PENDING",
  SENDING = "SENDING",
  SENT = "SENT",
  FAILED = "FAILED",
}
registerEnumType(EmailStatus, {
  name: "EmailStatus",
  valuesConfig: {
    PENDING: { description: "Waiting to be sent (for the first time, or again after a failed attempt)." },
    SENDING: { description: "A sender has it now." },
    SENT: { description: "Accepted by the mail server (or, in demo mode, written to data/outbox/)." },
    FAILED: { description: "Every attempt failed; lastError says why. The owner can resend it." },
  },
});

/**
 * The outbox: a message is written here in the same transaction as the change that causes it (so an order
 * that rolls back has no email, and no change is without its email), then delivered by the sender, which
 * claims due rows, sends them, and records the outcome with retries and backoff.
 */
@ObjectType("EmailMessage", { description: "An email in the store's outbox (admins)." })
@Entity("email_message")
@Index("ix_email_due", ["status", "nextAttemptAt"])
export class EmailMessage {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field(() => EmailKind)
  @Column({ type: "varchar", length: 30 })
  kind: EmailKind;

  /** Recipients, comma-separated. */
  @Column({ type: "varchar", length: 1000 })
  recipients: string;

  @Field()
  @Column({ type: "varchar", length: 300 })
  subject: string;

  /** What the template needs, as JSON (rendered when sent). A reset link's token is removed once sent. */
  @Column({ type: "text" })
  payload: string;

  @Index("ix_email_order")
  @Column({ name: "order_id", type: "varchar", length: 36, nullable: true })
  orderId: string | null;

  @Field(() => EmailStatus)
  @Column({ type: "varchar", length: 10 })
  status: EmailStatus;

  @Field(() => Int, { description: "Delivery attempts so far." })
  @Column({ type: "int", default: 0 })
  attempts: number;

  /** When the sender may take it next: due when PENDING; the end of the claim when SENDING. */
  @Field({ description: "When the next attempt is due (PENDING), or when the current one is given up (SENDING)." })
  @Column({ name: "next_attempt_at", type: "datetime", precision: 3 })
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed." })
  @Column({ name: "last_error", type: "varchar", length: 500, nullable: true })
  lastError: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: "sent_at", type: "datetime", precision: 3, nullable: true })
  sentAt: Date | null;

  @Field(() => [String])
  get to(): string[] {
    return this.recipients.split(",").filter(Boolean);
  }
}
