import { badInput } from "./errors";

/** Opaque page cursors: base64url of "<kind>:<id>", so clients can't depend on their shape. */
export function encodeCursor(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString("base64url");
}

export function decodeIntCursor(kind: string, cursor: string, field = "after"): number {
  const decoded = Buffer.from(cursor, "base64url").toString();
  const match = new RegExp(`^${kind}:(\\d{1,15})$`).exec(decoded);
  if (!match) throw badInput(field, "The cursor is not valid; use pageInfo.endCursor from a previous page");
  return Number(match[1]);
}
