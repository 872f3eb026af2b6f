import { In } from "typeorm";
import type { Transactions } from "../db/transaction";
import type { Logger } from "../lib/logger";
import { withTimeout } from "../lib/time";
import { EmailMessage, EmailStatus } from "./email-message.entity";
import type { EmailData, StoreIdentity } from "./email.types";
import type { MailTransport } from "./mail-transport";
import { renderEmail, type EmailKindName } from "./render";

/** How many due messages one round claims (the next round takes the rest). */
const BATCH = 10;
/** How long a stop waits for the message being sent (its claim runs out later, and another sender takes it). */
const STOP_WAIT_MS = 5000;
/** Backoff never waits longer than this between attempts. */
const MAX_BACKOFF_MS = 60 * 60_000;

export interface SenderSettings {
  pollMs: number;
  /**
   * How long a claim lasts: a sender that dies mid-send leaves its messages SENDING, and another takes them
   * after this. Each message's claim is renewed before it is sent, and a send is given up after half of it,
   * so a message is never sent by two senders at once, however slow the mail server.
   */
  claimMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  /** The domain of every Message-ID (the From address's). */
  messageIdDomain: string;
  /** What the template gets, from what the outbox stores (a reset link made now); null: don't send it. */
  prepare(kind: EmailKindName, stored: unknown): Promise<unknown>;
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
    await withTimeout(this.running, STOP_WAIT_MS).catch(() => undefined);
    this.transport.close();
  }

  /** One round: claims up to BATCH due messages and sends them. Returns how many it claimed. */
  async deliverDue(now = new Date()): Promise<number> {
    const claimed = await this.claim(now);
    for (const [i, message] of claimed.entries()) {
      // Stopping: what this round hasn't sent goes back to the queue as it was, for the next start or another process.
      if (this.stopped) {
        await this.giveBack(claimed.slice(i));
        break;
      }
      await this.deliver(message);
    }
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
        .set({
          status: EmailStatus.SENDING,
          nextAttemptAt: new Date(now.getTime() + this.settings.claimMs),
          attempts: () => "attempts + 1",
        })
        .where({ id: In(ids) })
        .execute();
      // Sent in the order they fell due (a cancellation before its refund).
      const rows = await m.findBy(EmailMessage, { id: In(ids) });
      return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    });
  }

  private async deliver(message: EmailMessage): Promise<void> {
    // Half the claim left at least: the send (given up after half the claim) ends before the claim does.
    const claimedUntil = await this.renew(message);
    if (!claimedUntil) return;
    let where: string;
    try {
      const kind = message.kind as EmailKindName;
      const data = (await this.settings.prepare(kind, JSON.parse(message.payload))) as EmailData[typeof kind] | null;
      if (data === null) {
        await this.record(message, claimedUntil, {
          status: EmailStatus.FAILED,
          lastError: "Not sent: the reset link expired or was replaced before it could be sent; the customer can ask for a new one",
          nextAttemptAt: new Date(),
        });
        return;
      }
      const { html, text } = renderEmail(kind, data, this.store);
      where = await this.withinHalfClaim(
        this.transport.send({
          messageId: `<${message.id}@${this.settings.messageIdDomain}>`,
          to: message.to,
          subject: message.subject,
          html,
          text,
          label: `${message.kind.toLowerCase()}-${message.id.slice(0, 8)}`,
        }),
      );
    } catch (error) {
      await this.failed(message, claimedUntil, error);
      return;
    }
    await this.record(message, claimedUntil, { status: EmailStatus.SENT, sentAt: new Date(), lastError: null });
    if (this.transport.kind === "files")
      this.log.info({ email: message.id, kind: message.kind }, `Email "${message.subject}" written to ${where}`);
    else this.log.info({ email: message.id, kind: message.kind, attempt: message.attempts }, "Email sent");
  }

  /**
   * The claim, made to last at least half of claimMs from now (renewed if need be); null when it is no longer
   * this sender's (it ran out and another sender has the message).
   */
  private async renew(message: EmailMessage): Promise<Date | null> {
    const claimedUntil = message.nextAttemptAt;
    if (claimedUntil.getTime() - Date.now() >= this.settings.claimMs / 2) return claimedUntil;
    const until = new Date(Date.now() + this.settings.claimMs);
    const renewed = await this.tx.run((m) =>
      m.update(EmailMessage, { id: message.id, status: EmailStatus.SENDING, nextAttemptAt: claimedUntil }, { nextAttemptAt: until }),
    );
    return renewed.affected ? until : null;
  }

  /** A send that takes longer than half the claim is given up as failed (its claim would soon run out). */
  private withinHalfClaim<T>(sending: Promise<T>): Promise<T> {
    const limit = Math.round(this.settings.claimMs / 2);
    return withTimeout(sending, limit, `The mail server did not finish within ${limit / 1000} s`);
  }

  /** The outcome, only while the claim is ours: a sender whose claim ran out (another has the message) changes nothing. */
  private async record(message: EmailMessage, claimedUntil: Date, change: Partial<EmailMessage>): Promise<void> {
    await this.tx.run((m) => m.update(EmailMessage, { id: message.id, status: EmailStatus.SENDING, nextAttemptAt: claimedUntil }, change));
  }

  /** Claimed messages not sent (the sender is stopping): due again at once, the attempt not counted. */
  private async giveBack(messages: EmailMessage[]): Promise<void> {
    for (const message of messages) {
      await this.record(message, message.nextAttemptAt, {
        status: EmailStatus.PENDING,
        nextAttemptAt: new Date(),
        attempts: message.attempts - 1,
      });
    }
  }

  private async failed(message: EmailMessage, claimedUntil: Date, error: unknown): Promise<void> {
    const reason = describe(error);
    const last = message.attempts >= this.settings.maxAttempts;
    const wait = Math.min(this.settings.retryBaseMs * 2 ** (message.attempts - 1), MAX_BACKOFF_MS);
    const next = new Date(Date.now() + wait * (0.9 + Math.random() * 0.2));
    await this.record(
      message,
      claimedUntil,
      last
        ? { status: EmailStatus.FAILED, lastError: reason, nextAttemptAt: new Date() }
        : { status: EmailStatus.PENDING, lastError: reason, nextAttemptAt: next },
    );
    const fields = { email: message.id, kind: message.kind, attempt: message.attempts, reason };
    if (last) this.log.error(fields, `Email "${message.subject}" could not be sent; it is marked failed (the admin can resend it)`);
    else this.log.warn({ ...fields, retryInMs: Math.round(wait) }, "Email not sent; trying again later");
  }
}

/** What the owner reads in the admin: the mail server's answer, or the connection's error. */
function describe(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string };
  const text = e?.response ? `${e.code ? `${e.code}: ` : ""}${e.response}` : (e?.message ?? String(error));
  return text.replace(/\s+/g, " ").slice(0, 500);
}
