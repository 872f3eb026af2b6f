import type { ShippingZoneFieldsFragment, ShippingZoneInput, TaxRateFieldsFragment, TaxRateInput } from "../../graphql/graphql";
import { moneyInputValue, parseMoneyInput } from "../../lib/money";

/** A problem with a form: the field as the server names it (`countries`, `rates[1].maxWeightGrams`), or none for the whole form. */
export interface Problem {
  field?: string;
  message: string;
}

/** The server's message in the form's words: "Invalid rates[0].price: price must not be…" reads "Price must not be…". */
export function readable(message: string, field: string | undefined, labels: Record<string, string>): string {
  const text = message.replace(/^Invalid [^:]+: /, "");
  const property = field?.match(/(\w+)$/)?.[1];
  if (!property || !text.startsWith(`${property} `)) return text;
  return `${labels[property] ?? property[0].toUpperCase() + property.slice(1)} ${text.slice(property.length + 1)}`;
}

/** The field a server problem names, without the argument's name in front (`input.countries` → `countries`). */
export const fieldOf = (field: string | undefined) => field?.replace(/^input\./, "");

// ---------------------------------------------------------------------------------------------------------------
// Shipping zones

/** One row of a zone's rates table, as typed. `key` tells rows apart while they are edited. */
export interface RateDraft {
  key: string;
  id?: string;
  name: string;
  price: string;
  freeAbove: string;
  minWeightGrams: string;
  maxWeightGrams: string;
  estimatedDays: string;
}

export type RateField = Exclude<keyof RateDraft, "key" | "id">;

export const RATE_LABELS: Record<RateField, string> = {
  name: "Name",
  price: "Price",
  freeAbove: "Free above",
  minWeightGrams: "Weight from",
  maxWeightGrams: "Weight to",
  estimatedDays: "Delivery estimate",
};

/** A zone as its form holds it: countries as typed ("DE, FR"), its rates as rows. */
export interface ZoneDraft {
  name: string;
  countries: string;
  rates: RateDraft[];
  /** Rows added so far, for the new rows' keys. */
  added: number;
}

export const ZONE_LABELS: Record<string, string> = { ...RATE_LABELS, countries: "Countries", rates: "Rates" };

export const emptyRate = (key: string): RateDraft => ({
  key,
  name: "",
  price: "",
  freeAbove: "",
  minWeightGrams: "",
  maxWeightGrams: "",
  estimatedDays: "",
});

export const NEW_ZONE: ZoneDraft = { name: "", countries: "", rates: [emptyRate("new-0")], added: 1 };

export function zoneToDraft(zone: ShippingZoneFieldsFragment): ZoneDraft {
  const grams = (g: number | null | undefined) => (g == null ? "" : String(g));
  return {
    name: zone.name,
    countries: zone.countries.join(", "),
    rates: zone.rates.map((r) => ({
      key: r.id,
      id: r.id,
      name: r.name,
      price: moneyInputValue(r.price.amount, r.price.currency),
      freeAbove: r.freeAbove ? moneyInputValue(r.freeAbove.amount, r.freeAbove.currency) : "",
      minWeightGrams: grams(r.minWeightGrams),
      maxWeightGrams: grams(r.maxWeightGrams),
      estimatedDays: r.estimatedDays ?? "",
    })),
    added: 0,
  };
}

/** "de, fr at" → ["DE", "FR", "AT"]. */
export const parseCountries = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

/** Where a zone ships, for people: "DE, FR", or "Everywhere else" for "*". */
export const countriesText = (countries: readonly string[]) =>
  countries.includes("*") ? "Everywhere else (every country no other zone names)" : countries.join(", ");

function grams(text: string): number | null | undefined {
  const t = text.trim().replace(/[\s,.]/g, "");
  if (!t) return null;
  return /^\d{1,10}$/.test(t) ? Number(t) : undefined;
}

/** Reads a zone's form into the mutation's input, or says which field can't be read (the server checks the rest). */
export function draftToZoneInput(draft: ZoneDraft, currency: string, id?: string): { input: ShippingZoneInput } | { problem: Problem } {
  const example = (amount: number) => moneyInputValue(amount, currency || "USD");
  if (!draft.name.trim()) return { problem: { field: "name", message: "Name the zone, like Europe" } };
  const countries = parseCountries(draft.countries);
  if (!countries.length) return { problem: { field: "countries", message: "Give its countries as two-letter codes, like DE, FR, or *" } };
  const rates: ShippingZoneInput["rates"] = [];
  for (const [i, r] of draft.rates.entries()) {
    const at = (field: RateField, message: string) => ({ problem: { field: `rates[${i}].${field}`, message } });
    if (!r.name.trim()) return at("name", "Name the rate, like Standard");
    const price = parseMoneyInput(r.price, currency);
    if (price === null) return at("price", `Enter the price like ${example(499)}; 0 for free`);
    let freeAbove: number | null = null;
    if (r.freeAbove.trim()) {
      freeAbove = parseMoneyInput(r.freeAbove, currency);
      if (!freeAbove) return at("freeAbove", `Enter an amount like ${example(5000)}, or leave it empty`);
    }
    const minWeightGrams = grams(r.minWeightGrams);
    if (minWeightGrams === undefined) return at("minWeightGrams", "Enter whole grams, like 500, or leave it empty");
    const maxWeightGrams = grams(r.maxWeightGrams);
    if (maxWeightGrams === undefined) return at("maxWeightGrams", "Enter whole grams, like 2000, or leave it empty");
    rates.push({
      ...(r.id ? { id: r.id } : {}),
      name: r.name.trim(),
      price,
      freeAbove,
      minWeightGrams,
      maxWeightGrams,
      estimatedDays: r.estimatedDays.trim() || null,
    });
  }
  return { input: { ...(id ? { id } : {}), name: draft.name.trim(), countries, rates } };
}

// ---------------------------------------------------------------------------------------------------------------
// Tax rates

export interface TaxForm {
  country: string;
  region: string;
  name: string;
  /** A percentage as typed: "19", "7.25". */
  rate: string;
}

export type TaxField = keyof TaxForm;

export const EMPTY_TAX: TaxForm = { country: "", region: "", name: "", rate: "" };

export const TAX_LABELS: Record<TaxField, string> = { country: "Country", region: "Region", name: "Name", rate: "Rate" };

/** The server's field as the form's: its rateBps is the form's rate, in percent. */
export function taxFieldOf(field: string | undefined): TaxField | undefined {
  const f = fieldOf(field);
  if (f === "rateBps") return "rate";
  return f && f in TAX_LABELS ? (f as TaxField) : undefined;
}

/** "19" → 1900, "7.25" → 725, "7,5 %" → 750 (basis points); null when it isn't a percentage with at most two decimals. */
export function percentToBps(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 1900 → "19", 725 → "7.25", 750 → "7.5". */
export function bpsToPercent(bps: number): string {
  return String(bps / 100);
}

/** A tax rate for people: "19%", "7.25%". */
export const rateText = (bps: number) => `${bpsToPercent(bps)}%`;

export const taxToForm = (t: TaxRateFieldsFragment): TaxForm => ({
  country: t.country,
  region: t.region ?? "",
  name: t.name,
  rate: bpsToPercent(t.rateBps),
});

/** Where a tax rate applies, for buttons and messages: "DE", "US (CA)", "everywhere else". */
export const taxPlace = (t: Pick<TaxRateFieldsFragment, "country" | "region">) =>
  `${t.country === "*" ? "everywhere else" : t.country}${t.region ? ` (${t.region})` : ""}`;

export function taxFormToInput(form: TaxForm, id?: string): { input: TaxRateInput } | { problem: Problem & { field?: TaxField } } {
  const country = form.country.trim().toUpperCase();
  if (!country) return { problem: { field: "country", message: "Enter a two-letter country code, like DE, or * for everywhere else" } };
  if (!form.name.trim()) return { problem: { field: "name", message: "Name the tax as shoppers see it, like VAT" } };
  const rateBps = percentToBps(form.rate);
  if (rateBps === null) return { problem: { field: "rate", message: "Enter the rate in percent, like 19 or 7.25" } };
  if (rateBps > 10_000) return { problem: { field: "rate", message: "A rate is from 0 to 100%" } };
  return { input: { ...(id ? { id } : {}), country, region: form.region.trim() || null, name: form.name.trim(), rateBps } };
}
