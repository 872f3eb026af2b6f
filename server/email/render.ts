import { toPlainText } from "@react-email/render";
import { renderToStaticMarkup } from "react-dom/server";
import type { EmailData, StoreIdentity, StoredEmailData } from "./email.types";
import { TEMPLATES, type Template } from "./templates/messages";

export type EmailKindName = keyof EmailData;

/** The doctype mail clients expect of an HTML email (as react-email's own render writes it). */
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** The subject line, from what the outbox stores (a subject never needs what is added at sending). */
export function subjectOf<K extends EmailKindName>(kind: K, data: StoredEmailData[K], store: StoreIdentity): string {
  return (TEMPLATES[kind] as unknown as Template<StoredEmailData[K]>).subject(data, store).slice(0, 300);
}

/**
 * A message's HTML and its plain-text part, from the same template. Rendered synchronously with
 * react-dom/server (the templates are plain components); react-email's text conversion makes the text part.
 */
export function renderEmail<K extends EmailKindName>(kind: K, data: EmailData[K], store: StoreIdentity): { html: string; text: string } {
  const html = DOCTYPE + renderToStaticMarkup((TEMPLATES[kind] as Template<EmailData[K]>).body(data, store));
  const text = toPlainText(html, { selectors: [{ selector: "img", format: "skip" }] });
  return { html, text };
}
