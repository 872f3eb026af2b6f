import { randomUUID } from "node:crypto";
import { In } from "typeorm";
import { newestFirstPage } from "../db/keyset";
import { badInput, notFound } from "../graphql/errors";
import type { Transactions } from "../db/transaction";
import type { Logger } from "../lib/logger";
import { EmailKind, EmailMessage, EmailStatus } from "./email-message.entity";
import type {
  CancelledMail,
  OrderMail,
  PasswordChangedMail,
  PasswordResetMail,
  PasswordResetRequest,
  StoreIdentity,
  StoredEmailData,
} from "./email.types";
import type { MailTransport } from "./mail-transport";
import { OutboxSender, type SenderSettings } from "./outbox-sender";
import { subjectOf, type EmailKindName } from "./render";

export interface EmailSettings extends Omit<SenderSettings, "messageIdDomain" | "prepare"> {
  store: StoreIdentity;
  from: string;
  ownerEmails: string[];
}

/** How the outbox stands, for the admin dashboard. */
export interface OutboxState {
  /** "smtp", "files" (demo mode: data/outbox/), or null: not configured, messages wait. */
  transport: "smtp" | "files" | null;
  pending: number;
  failed: number;
}

/**
 * The store's email: every message is written to the outbox in the caller's transaction (see EmailMessage) and
 * delivered by the sender. Features call the methods named after what happened; the admin lists the outbox and
 * resends what failed.
 */
export class EmailService {
  private sender?: OutboxSender;
  private transportKind: OutboxState["transport"] = null;
  private resetLinks?: (request: PasswordResetRequest) => Promise<PasswordResetMail | null>;

  constructor(
    private readonly tx: Transactions,
    private readonly settings: EmailSettings,
    private readonly log: Logger,
  ) {}

  /** Starts delivering through `transport` (none: messages wait in the outbox). Returns the stop function. */
  startSender(transport: MailTransport | null): () => Promise<void> {
    if (!transport) return async () => {};
    this.transportKind = transport.kind;
    const domain = /@([^\s>]+)>?\s*$/.exec(this.settings.from)?.[1] ?? "shopwright.invalid";
    const prepare = async (kind: EmailKindName, data: unknown) =>
      kind === "PASSWORD_RESET" ? ((await this.resetLinks?.(data as PasswordResetRequest)) ?? null) : data;
    this.sender = new OutboxSender(
      this.tx,
      transport,
      this.settings.store,
      { ...this.settings, messageIdDomain: domain, prepare },
      this.log,
    );
    this.sender.start();
    const sender = this.sender;
    return () => sender.stop();
  }

  /** A new order: the confirmation to the shopper and the alert to the owner. */
  async orderPlaced(order: OrderMail): Promise<void> {
    await this.enqueue(EmailKind.ORDER_CONFIRMATION, [order.email], order, order.id);
    await this.enqueue(EmailKind.NEW_ORDER_ALERT, this.settings.ownerEmails, order, order.id);
  }

  orderShipped(order: OrderMail, trackingNumber: string | null, note: string | null): Promise<void> {
    return this.enqueue(EmailKind.ORDER_SHIPPED, [order.email], { order, trackingNumber, note }, order.id);
  }

  orderCancelled(order: OrderMail, payment: CancelledMail["payment"]): Promise<void> {
    return this.enqueue(EmailKind.ORDER_CANCELLED, [order.email], { order, payment }, order.id);
  }

  orderRefunded(order: OrderMail, amount: number): Promise<void> {
    return this.enqueue(EmailKind.ORDER_REFUNDED, [order.email], { order, amount }, order.id);
  }

  passwordReset(to: string, request: PasswordResetRequest): Promise<void> {
    return this.enqueue(EmailKind.PASSWORD_RESET, [to], request);
  }

  /**
   * How a reset email gets its link: `make` is called as the message is sent, makes the token (storing only
   * its hash) and gives the link, or null when the request can no longer be used (expired, used, replaced) —
   * then the message is not sent. So the outbox never holds a usable token.
   */
  prepareResetLinks(make: (request: PasswordResetRequest) => Promise<PasswordResetMail | null>): void {
    this.resetLinks = make;
  }

  passwordChanged(to: string, data: PasswordChangedMail): Promise<void> {
    return this.enqueue(EmailKind.PASSWORD_CHANGED, [to], data);
  }

  /** Writes one message into the outbox, in the caller's transaction; the sender is woken once it commits. */
  private async enqueue<K extends EmailKindName>(
    kind: K,
    to: string[],
    data: StoredEmailData[K],
    orderId: string | null = null,
  ): Promise<void> {
    const recipients = [...new Set(to.map((t) => t.trim()).filter(Boolean))];
    if (!recipients.length) return;
    await this.tx.run((m) =>
      m.insert(EmailMessage, {
        id: randomUUID(),
        kind: kind as EmailKind,
        recipients: recipients.join(",").slice(0, 1000),
        subject: subjectOf(kind, data, this.settings.store),
        payload: JSON.stringify(data),
        orderId,
        status: EmailStatus.PENDING,
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
        sentAt: null,
      }),
    );
    this.tx.afterCommit(() => this.sender?.wake());
  }

  /** Admin: the outbox, newest first, optionally of one status. */
  async list(filter: { status?: EmailStatus | null; orderId?: string | null }, first: number, after?: string | null) {
    const qb = this.tx.manager.createQueryBuilder(EmailMessage, "e");
    if (filter.status) qb.andWhere("e.status = :status", { status: filter.status });
    if (filter.orderId) qb.andWhere("e.order_id = :orderId", { orderId: filter.orderId });
    return newestFirstPage(qb, "emails", first, after);
  }

  /** Admin "Resend": a FAILED message goes back in the queue with its attempts reset. */
  async resend(id: string): Promise<EmailMessage> {
    const message = await this.tx.run(async (m) => {
      const found = /^[0-9a-f-]{36}$/i.test(id) ? await m.findOneBy(EmailMessage, { id }) : null;
      if (!found) throw notFound("Email", id);
      if (found.status !== EmailStatus.FAILED) throw badInput("id", `Only a failed email can be resent; this one is ${found.status}`);
      if (found.kind === EmailKind.PASSWORD_RESET) {
        const { expiresAt } = JSON.parse(found.payload) as PasswordResetRequest;
        if (new Date(expiresAt).getTime() <= Date.now())
          throw badInput("id", "This password reset link has expired; the customer can ask for a new one on the sign-in page");
      }
      await m.update(
        EmailMessage,
        { id, status: EmailStatus.FAILED },
        { status: EmailStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), lastError: found.lastError },
      );
      return (await m.findOneBy(EmailMessage, { id }))!;
    });
    this.tx.afterCommit(() => this.sender?.wake());
    return message;
  }

  /** Admin dashboard: whether email goes out, and how many messages wait or failed. */
  async state(): Promise<OutboxState> {
    const rows = await this.tx.manager
      .createQueryBuilder(EmailMessage, "e")
      .select("e.status", "status")
      .addSelect("COUNT(*)", "n")
      .where({ status: In([EmailStatus.PENDING, EmailStatus.SENDING, EmailStatus.FAILED]) })
      .groupBy("e.status")
      .getRawMany<{ status: EmailStatus; n: string | number }>();
    const count = (...s: EmailStatus[]) => rows.filter((r) => s.includes(r.status)).reduce((n, r) => n + Number(r.n), 0);
    return { transport: this.transportKind, pending: count(EmailStatus.PENDING, EmailStatus.SENDING), failed: count(EmailStatus.FAILED) };
  }

  /** Runs one sender round now (tests, and a start that wants the queue emptied). */
  async deliverDue(): Promise<number> {
    return this.sender ? this.sender.deliverDue() : 0;
  }
}
