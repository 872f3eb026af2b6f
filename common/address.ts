import { formatAddress } from "localized-address-format";

/** A postal address as orders keep it. */
export interface PostalAddress {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

const names = new Map<string, Intl.DisplayNames>();

/** "United Kingdom" for GB (the code itself if the runtime doesn't know it). Made on first use: it is not small. */
export function countryName(code: string, locale = "en"): string {
  let display = names.get(locale);
  if (!display) names.set(locale, (display = new Intl.DisplayNames([locale], { type: "region" })));
  try {
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The address's lines in the order its country writes them — "London" then "SW1Y 4JH" in the UK, "Austin, TX 78701"
 * in the US, "10115 Berlin" in Germany — from Google's libaddressinput data (localized-address-format), then the
 * country's name.
 */
export function addressLines(a: PostalAddress, locale = "en"): string[] {
  const lines = formatAddress(
    {
      postalCountry: a.country,
      administrativeArea: a.region ?? "",
      locality: a.city,
      postalCode: a.postalCode,
      name: a.name,
      addressLines: [a.line1, a.line2 ?? ""].filter(Boolean),
    },
    "latin",
  );
  return [...lines.filter((l) => l.trim() !== ""), countryName(a.country, locale)];
}
