import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message the fake mail server accepted, parsed as a mail client would read it. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback (the smtp-server package), for the email suites: it receives what the store
 * sends through nodemailer and parses it with mailparser. `reject` makes it refuse messages (a 5xx at DATA),
 * `stop`/`start` take it down and bring it back on the same port.
 */
export class TestSmtp {
  readonly messages: ReceivedMail[] = [];
  /** While set, every message is refused with this SMTP reply (e.g. "550 Mailbox unavailable"). */
  reject: { code: number; message: string } | null = null;
  /** While set, each message is answered this much later (a slow mail server). */
  delayMs = 0;
  port = 0;
  private server?: SMTPServer;
  private waiters: (() => void)[] = [];

  static async start(): Promise<TestSmtp> {
    const smtp = new TestSmtp();
    await smtp.start();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Environment for a store that sends here. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      SMTP_URL: this.url,
      MAIL_FROM: "Tea & Co <orders@teashop.example>",
      STORE_NAME: "Tea & Co",
      STORE_ADDRESS: "1 High Street, Bath BA1 1AA, United Kingdom",
      STORE_OWNER_EMAIL: "owner@teashop.example, partner@teashop.example",
      MAIL_POLL_MS: "100",
      MAIL_RETRY_BASE_MS: "100",
      PUBLIC_URL: "http://shop.test",
      ...extra,
    };
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      // Taken down at once, pooled client connections and all (a real server that dies doesn't wait).
      closeTimeout: 100,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
          if (this.reject) {
            const error = Object.assign(new Error(this.reject.message), { responseCode: this.reject.code });
            return callback(error);
          }
          try {
            const parsed = await simpleParser(Buffer.concat(chunks));
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              text: parsed.text ?? "",
              messageId: parsed.messageId ?? "",
              parsed,
            });
            callback();
            for (const w of this.waiters.splice(0)) w();
          } catch (error) {
            callback(error as Error);
          }
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(this.port, "127.0.0.1", () => resolve());
    });
    const address = this.server.server.address();
    if (typeof address === "object" && address) this.port = address.port;
  }

  /** Takes the server down: connections are refused until `start` (same port). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages to `address`. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  /** Waits until `test` holds over the messages received (checked on each arrival), or fails after `timeoutMs`. */
  async waitFor(test: (messages: ReceivedMail[]) => boolean, timeoutMs = 10_000, what = "the expected emails"): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (!test(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`Timed out waiting for ${what}; received: ${JSON.stringify(this.messages.map((m) => [m.to, m.subject]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages;
  }
}

/** The reset link in a password-reset email's text part. */
export const resetLinkIn = (mail: ReceivedMail) => /https?:\/\/\S+\/reset-password#token=[\w-]+/.exec(mail.text)?.[0];
