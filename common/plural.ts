/**
 * Counted words, said right in the language's plural rules (Intl.PluralRules): "1 order", "2 orders", "1 minute".
 * The server's messages and the client's message catalogue both count through here; only English ships, but a
 * word's forms are given per plural category, as other languages need more than two.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/** The form of a word for `n` ("order" or "orders"), by the locale's rules. */
export function pluralForm(n: number, forms: PluralForms, locale = "en"): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return forms[rule.select(n)] ?? forms.other;
}

/** "1 order", "1,200 orders". */
export function countOf(n: number, forms: PluralForms, locale = "en"): string {
  return `${n.toLocaleString(locale)} ${pluralForm(n, forms, locale)}`;
}

/** A wait in words: "45 seconds" under two minutes, else "3 minutes" (rounded up). */
export function waitWords(seconds: number, locale = "en"): string {
  return seconds < 120
    ? countOf(Math.max(1, Math.ceil(seconds)), { one: "second", other: "seconds" }, locale)
    : countOf(Math.ceil(seconds / 60), { one: "minute", other: "minutes" }, locale);
}
