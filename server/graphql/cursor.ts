import { badInput } from "./errors";

/** Opaque page cursors: base64url of "<kind>:<id>", so clients can't depend on their shape. */
export function encodeCursor(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString("base64url");
}

export function decodeIntCursor(kind: string, cursor: string, field = "after"): number {
  return Number(decodeCursor(kind, cursor, "\\d{1,15}", field));
}

/** A cursor naming a row by its UUID (lists in newest-first order: see db/keyset.ts). */
export function decodeUuidCursor(kind: string, cursor: string, field = "after"): string {
  return decodeCursor(kind, cursor, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", field);
}

function decodeCursor(kind: string, cursor: string, value: string, field: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString();
  const match = new RegExp(`^${kind}:(${value})$`).exec(decoded);
  if (!match) throw badInput(field, "The cursor is not valid; use pageInfo.endCursor from a previous page");
  return match[1];
}
