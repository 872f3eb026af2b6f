import { In } from "typeorm";
import type { Transactions } from "../db/transaction";
import type { Logger } from "../lib/logger";
import { EmailMessage, EmailStatus } from "./email-message.entity";
import type { EmailData, StoreIdentity } from "./email.types";
import type { MailTransport } from "./mail-transport";
import { renderEmail, type EmailKindName } from "./render";

/** How many due messages one round claims (the next round takes the rest). */
const BATCH = 10;
/**
 * How long a claim lasts: a sender that dies mid-send leaves its messages SENDING, and another takes them
 * after this. Longer than the SMTP timeouts, so a slow server never gets a message sent twice at once.
 */
export const CLAIM_MS = 2 * 60_000;
/** How long a stop waits for the message being sent (its claim runs out later, and another sender takes it). */
const STOP_WAIT_MS = 5000;
/** Backoff never waits longer than this between attempts. */
const MAX_BACKOFF_MS = 60 * 60_000;

export interface SenderSettings {
  pollMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  /** The domain of every Message-ID (the From address's). */
  messageIdDomain: string;
}

/**
 * Delivers the outbox: claims due messages (PENDING and due, or SENDING whose claim ran out) in a short
 * transaction — with SELECT … FOR UPDATE SKIP LOCKED on MySQL/MariaDB, so processes sharing one database never
 * claim the same row; SQLite has one writer — then sends each outside any transaction and records the outcome:
 * SENT, or PENDING again after a backoff that doubles (with jitter), or FAILED after the last attempt.
 */
export class OutboxSender {
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private busy = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly tx: Transactions,
    private readonly transport: MailTransport,
    private readonly store: StoreIdentity,
    private readonly settings: SenderSettings,
    private readonly log: Logger,
  ) {}

  /** Sends what is due now and every pollMs. */
  start(): void {
    this.wake();
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
  }

  /** A round soon: now if idle, else right after the one under way. */
  wake(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.deliverDue()) === BATCH);
        } while (this.again && !this.stopped);
      } catch (error) {
        this.log.error({ err: error }, "The email sender failed; it tries again at its next round");
      } finally {
        this.busy = false;
      }
    })();
  }

  /**
   * Stops after the message being sent now (waiting for it at most STOP_WAIT_MS: a mail server that hangs
   * doesn't hold the shutdown); what is left waits in the outbox for the next start, or another process.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
    this.transport.close();
  }

  /** One round: claims up to BATCH due messages and sends them. Returns how many it claimed. */
  async deliverDue(now = new Date()): Promise<number> {
    const claimed = await this.claim(now);
    for (const message of claimed) await this.deliver(message);
    return claimed.length;
  }

  private claim(now: Date): Promise<EmailMessage[]> {
    return this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder(EmailMessage, "e")
        .select("e.id", "id")
        .where("e.status IN (:...due)", { due: [EmailStatus.PENDING, EmailStatus.SENDING] })
        .andWhere("e.next_attempt_at <= :now", { now })
        .orderBy("e.next_attempt_at", "ASC")
        .addOrderBy("e.created_at", "ASC")
        .limit(BATCH);
      if (this.tx.engine === "mysql") qb.setLock("pessimistic_write").setOnLocked("skip_locked");
      const ids = (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
      if (!ids.length) return [];
      await m
        .createQueryBuilder()
        .update(EmailMessage)
        .set({ status: EmailStatus.SENDING, nextAttemptAt: new Date(now.getTime() + CLAIM_MS), attempts: () => "attempts + 1" })
        .where({ id: In(ids) })
        .execute();
      // Sent in the order they fell due (a cancellation before its refund).
      const rows = await m.findBy(EmailMessage, { id: In(ids) });
      return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    });
  }

  private async deliver(message: EmailMessage): Promise<void> {
    const claimedUntil = message.nextAttemptAt;
    let where: string;
    try {
      const kind = message.kind as EmailKindName;
      const data = JSON.parse(message.payload) as EmailData[typeof kind];
      const { html, text } = renderEmail(kind, data, this.store);
      where = await this.transport.send({
        messageId: `<${message.id}@${this.settings.messageIdDomain}>`,
        to: message.to,
        subject: message.subject,
        html,
        text,
        label: `${message.kind.toLowerCase()}-${message.id.slice(0, 8)}`,
      });
    } catch (error) {
      await this.failed(message, claimedUntil, error);
      return;
    }
    // Only while the claim is ours: a sender whose claim ran out (and whose message another sent) changes nothing.
    await this.tx.run((m) =>
      m.update(
        EmailMessage,
        { id: message.id, status: EmailStatus.SENDING, nextAttemptAt: claimedUntil },
        { status: EmailStatus.SENT, sentAt: new Date(), lastError: null, payload: redacted(message) },
      ),
    );
    if (this.transport.kind === "files")
      this.log.info({ email: message.id, kind: message.kind }, `Email "${message.subject}" written to ${where}`);
    else this.log.info({ email: message.id, kind: message.kind, attempt: message.attempts }, "Email sent");
  }

  private async failed(message: EmailMessage, claimedUntil: Date, error: unknown): Promise<void> {
    const reason = describe(error);
    const last = message.attempts >= this.settings.maxAttempts;
    const wait = Math.min(this.settings.retryBaseMs * 2 ** (message.attempts - 1), MAX_BACKOFF_MS);
    const next = new Date(Date.now() + wait * (0.9 + Math.random() * 0.2));
    await this.tx.run((m) =>
      m.update(
        EmailMessage,
        { id: message.id, status: EmailStatus.SENDING, nextAttemptAt: claimedUntil },
        last
          ? { status: EmailStatus.FAILED, lastError: reason, nextAttemptAt: new Date() }
          : { status: EmailStatus.PENDING, lastError: reason, nextAttemptAt: next },
      ),
    );
    const fields = { email: message.id, kind: message.kind, attempt: message.attempts, reason };
    if (last) this.log.error(fields, `Email "${message.subject}" could not be sent; it is marked failed (the admin can resend it)`);
    else this.log.warn({ ...fields, retryInMs: Math.round(wait) }, "Email not sent; trying again later");
  }
}

/** The payload kept after sending: a reset link's token is a secret, stored only until it is delivered. */
function redacted(message: EmailMessage): string {
  if (message.kind !== "PASSWORD_RESET") return message.payload;
  const data = JSON.parse(message.payload) as EmailData["PASSWORD_RESET"];
  return JSON.stringify({ ...data, link: data.link.replace(/token=[^&#]*/, "token=(sent)") });
}

/** What the owner reads in the admin: the mail server's answer, or the connection's error. */
function describe(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string };
  const text = e?.response ? `${e.code ? `${e.code}: ` : ""}${e.response}` : (e?.message ?? String(error));
  return text.replace(/\s+/g, " ").slice(0, 500);
}
