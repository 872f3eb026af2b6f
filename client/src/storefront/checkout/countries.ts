/** Countries the checkout offers, by ISO 3166-1 alpha-2 code; names come from the browser (Intl.DisplayNames). */
export const COUNTRY_CODES = [
  "AT",
  "AU",
  "BE",
  "BR",
  "CA",
  "CH",
  "CZ",
  "DE",
  "DK",
  "ES",
  "FI",
  "FR",
  "GB",
  "GR",
  "HU",
  "IE",
  "IN",
  "IS",
  "IT",
  "JP",
  "KR",
  "LU",
  "MX",
  "NL",
  "NO",
  "NZ",
  "PL",
  "PT",
  "SE",
  "SG",
  "US",
  "ZA",
] as const;

const names = new Intl.DisplayNames(["en"], { type: "region" });

export const COUNTRIES = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
export const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);
