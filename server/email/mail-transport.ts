import fs from "node:fs/promises";
import path from "node:path";
import type nodemailer from "nodemailer";

/** Loaded when email is configured (SMTP_URL or an outbox folder): a shop without it never carries it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mailer = (): typeof nodemailer => require("nodemailer") as typeof nodemailer;
import type { MailConfig } from "../config";

/** One message as it leaves: rendered, with its recipients and a Message-ID that stays the same on every attempt. */
export interface OutgoingMail {
  messageId: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** For the .eml file's name. */
  label: string;
}

/** Where messages go: an SMTP server, or (demo mode without SMTP_URL) .eml files in a folder. */
export interface MailTransport {
  readonly kind: "smtp" | "files";
  /** Resolves with where the message went (the server's answer, or the file written); rejects with why not. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/** A mail server that doesn't answer fails the attempt within these, so a claim (see OutboxSender) never outlives it. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

/** The transport for this configuration; null when email is not configured (messages wait in the outbox). */
export function createMailTransport(mail: MailConfig): MailTransport | null {
  if (mail.smtpUrl) return smtpTransport(mail.smtpUrl, mail.from);
  if (mail.outboxDir) return fileTransport(mail.outboxDir, mail.from);
  return null;
}

function smtpTransport(url: string, from: string): MailTransport {
  // A small pool: one connection is reused for a burst of messages, two go out at once at most.
  const transporter = mailer().createTransport({ url, pool: true, maxConnections: 2, ...SMTP_TIMEOUTS });
  return {
    kind: "smtp",
    async send(mail) {
      const info = await transporter.sendMail({ from, ...message(mail) });
      if (info.rejected.length) throw new Error(`The mail server refused ${info.rejected.join(", ")}: ${info.response}`);
      return info.response;
    },
    close: () => transporter.close(),
  };
}

function fileTransport(dir: string, from: string): MailTransport {
  const transporter = mailer().createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "files",
    async send(mail) {
      const info = await transporter.sendMail({ from, ...message(mail) });
      await fs.mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${mail.label.replace(/[^\w-]+/g, "-")}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      return file;
    },
    close: () => transporter.close(),
  };
}

const message = (mail: OutgoingMail) => ({
  to: mail.to,
  subject: mail.subject,
  html: mail.html,
  text: mail.text,
  messageId: mail.messageId,
});
