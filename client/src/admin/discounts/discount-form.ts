import type { DiscountCodeFieldsFragment, DiscountCodeInput, DiscountKind } from "../../graphql/graphql";
import { formatMoney, moneyInputValue, parseMoneyInput } from "../../lib/money";
import { count } from "../../lib/messages";

/** The discount code form as the owner types it: every field a string, as in its input. */
export interface CodeForm {
  code: string;
  kind: DiscountKind;
  value: string;
  minSubtotal: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  active: boolean;
}

export type CodeField = keyof CodeForm;

export const EMPTY_CODE: CodeForm = {
  code: "",
  kind: "PERCENTAGE",
  value: "",
  minSubtotal: "",
  startsAt: "",
  endsAt: "",
  usageLimit: "",
  perCustomerLimit: "",
  active: true,
};

/** A problem with the form: the field it is about (as the server names it), or none for the whole form. */
export interface CodeProblem {
  field?: CodeField;
  message: string;
}

const FIELDS = new Set<string>(Object.keys(EMPTY_CODE));

export const isCodeField = (field: string | undefined): field is CodeField => !!field && FIELDS.has(field);

/** The label of a field, as the form shows it (the value's depends on the kind). */
export function codeLabel(field: CodeField, kind: DiscountKind, currency: string): string {
  const money = currency ? ` (${currency})` : "";
  const labels: Record<CodeField, string> = {
    code: "Code",
    kind: "Takes off",
    value: kind === "PERCENTAGE" ? "Percentage off" : `Amount off${money}`,
    minSubtotal: `Minimum order${money}`,
    startsAt: "Starts",
    endsAt: "Ends",
    usageLimit: "Uses in all",
    perCustomerLimit: "Uses per customer",
    active: "Active",
  };
  return labels[field];
}

/** The server's message in the form's words: "Invalid usageLimit: usageLimit must not be less than 1" reads "Uses in all must…". */
export function readableCodeProblem(message: string, field: CodeField | undefined, kind: DiscountKind, currency: string): string {
  const text = message.replace(/^Invalid [^:]+: /, "");
  return field && text.startsWith(`${field} `) ? `${codeLabel(field, kind, currency)}${text.slice(field.length)}` : text;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local input shows it, in the browser's time zone: "2025-03-01T09:00". */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local input's value (the browser's time zone) as an ISO instant; null when empty, undefined when it isn't a date. */
export function fromLocalInput(text: string): string | null | undefined {
  if (!text.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text.trim())) return undefined;
  const d = new Date(text.trim());
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The form for changing a code, from the code as loaded. */
export function codeToForm(c: DiscountCodeFieldsFragment, currency: string): CodeForm {
  return {
    code: c.code,
    kind: c.kind,
    value: c.kind === "PERCENTAGE" ? String(c.value) : moneyInputValue(c.value, currency),
    minSubtotal: c.minSubtotal ? moneyInputValue(c.minSubtotal.amount, c.minSubtotal.currency) : "",
    startsAt: toLocalInput(c.startsAt),
    endsAt: toLocalInput(c.endsAt),
    usageLimit: c.usageLimit == null ? "" : String(c.usageLimit),
    perCustomerLimit: c.perCustomerLimit == null ? "" : String(c.perCustomerLimit),
    active: c.active,
  };
}

/** The mutation's input for a code as loaded, with changes (e.g. switching it off). */
export function codeToInput(c: DiscountCodeFieldsFragment, change: Partial<DiscountCodeInput> = {}): DiscountCodeInput {
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    value: c.value,
    minSubtotal: c.minSubtotal?.amount ?? null,
    startsAt: c.startsAt ?? null,
    endsAt: c.endsAt ?? null,
    usageLimit: c.usageLimit ?? null,
    perCustomerLimit: c.perCustomerLimit ?? null,
    active: c.active,
    ...change,
  };
}

/** A whole number typed into an optional field: null when empty, undefined when it isn't one. */
function optionalCount(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  return /^\d{1,10}$/.test(t) ? Number(t) : undefined;
}

/**
 * Reads the form into the mutation's input, or says which field can't be read. Only the form of each value is
 * checked here (a whole number, an amount, a date): the server checks the rest (1 to 100 percent, the end after
 * the start) and says so at the field.
 */
export function formToInput(form: CodeForm, currency: string, id?: string): { input: DiscountCodeInput } | { problem: CodeProblem } {
  const example = moneyInputValue(500, currency || "USD");
  let value: number | null;
  if (form.kind === "PERCENTAGE") {
    const m = /^\s*(\d{1,9})\s*%?\s*$/.exec(form.value);
    value = m ? Number(m[1]) : null;
    if (value === null) return { problem: { field: "value", message: "Enter the percentage as a whole number, like 10 for 10% off" } };
  } else {
    value = parseMoneyInput(form.value, currency);
    if (value === null) return { problem: { field: "value", message: `Enter the amount like ${example}` } };
  }
  let minSubtotal: number | null = null;
  if (form.minSubtotal.trim()) {
    minSubtotal = parseMoneyInput(form.minSubtotal, currency);
    if (!minSubtotal) {
      return {
        problem: { field: "minSubtotal", message: `Enter the minimum like ${moneyInputValue(4000, currency || "USD")}, or leave it empty` },
      };
    }
  }
  const startsAt = fromLocalInput(form.startsAt);
  if (startsAt === undefined) return { problem: { field: "startsAt", message: "Enter a date and time, or leave it empty" } };
  const endsAt = fromLocalInput(form.endsAt);
  if (endsAt === undefined) return { problem: { field: "endsAt", message: "Enter a date and time, or leave it empty" } };
  const usageLimit = optionalCount(form.usageLimit);
  if (usageLimit === undefined) return { problem: { field: "usageLimit", message: "Enter a whole number, like 100, or leave it empty" } };
  const perCustomerLimit = optionalCount(form.perCustomerLimit);
  if (perCustomerLimit === undefined) {
    return { problem: { field: "perCustomerLimit", message: "Enter a whole number, like 1, or leave it empty" } };
  }
  return {
    input: {
      ...(id ? { id } : {}),
      code: form.code.trim(),
      kind: form.kind,
      value,
      minSubtotal,
      startsAt,
      endsAt,
      usageLimit,
      perCustomerLimit,
      active: form.active,
    },
  };
}

/** What the code takes off: "10%" or "$5.00". */
export function takesOff(c: Pick<DiscountCodeFieldsFragment, "kind" | "value">, currency: string): string {
  return c.kind === "PERCENTAGE" ? `${c.value}%` : currency ? formatMoney({ amount: c.value, currency }) : String(c.value);
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The code's conditions in words, one a line; none when anyone can use it any time. */
export function conditions(c: DiscountCodeFieldsFragment): string[] {
  const out: string[] = [];
  if (c.minSubtotal) out.push(`Orders of ${formatMoney(c.minSubtotal)} or more`);
  if (c.startsAt) out.push(`From ${when(c.startsAt)}`);
  if (c.endsAt) out.push(`Until ${when(c.endsAt)}`);
  if (c.usageLimit != null) out.push(`${count(c.usageLimit, "use")} in all`);
  if (c.perCustomerLimit != null) {
    out.push(c.perCustomerLimit === 1 ? "Once per customer" : `${count(c.perCustomerLimit, "use")} per customer`);
  }
  return out;
}

/** How much it was used: "Used 3 of 5" (or "Used 3" without a limit). */
export function usage(c: Pick<DiscountCodeFieldsFragment, "timesUsed" | "usageLimit">): string {
  return c.usageLimit != null ? `Used ${c.timesUsed} of ${c.usageLimit}` : `Used ${c.timesUsed}`;
}
