/**
 * What a cart or an order costs: goods, discount, shipping by destination and tax by destination, computed
 * from the store's zones, rates and tax rates. Pure: no database here.
 */
import type {
  Destination,
  PricedRate,
  PriceLine,
  PricingSetup,
  ShippingRateSpec,
  ShippingZoneSpec,
  TaxRateSpec,
  Totals,
} from "./shipping.types";

const half = (n: number, d: number) => Math.floor((n * 2 + d) / (d * 2));

/** The zone that ships to a country: the first that names it, else the "*" zone; none without a destination but "*". */
export function zoneFor(zones: ShippingZoneSpec[], country: string | null): ShippingZoneSpec | null {
  const code = country?.toUpperCase();
  return (code && zones.find((z) => z.countries.includes(code))) || zones.find((z) => z.countries.includes("*")) || null;
}

/** The tax rate for a destination: its region's, else its country's, else the "*" rate; none without a destination but "*". */
export function taxRateFor(rates: TaxRateSpec[], destination: Destination | null): TaxRateSpec | null {
  const country = destination?.country.toUpperCase();
  const region = destination?.region?.trim().toLowerCase();
  return (
    (country && region && rates.find((r) => r.country === country && r.region?.toLowerCase() === region)) ||
    (country && rates.find((r) => r.country === country && !r.region)) ||
    rates.find((r) => r.country === "*") ||
    null
  );
}

/**
 * Prices lines for a destination: the discount comes off the goods; shipping is the chosen rate of the
 * destination's zone (or its cheapest), free above its threshold, nothing for an empty cart; tax is the
 * destination's rate on the discounted goods, rounded half up — added on top, or the part of the prices that
 * is tax when prices include it.
 */
export function computeTotals(
  setup: PricingSetup,
  lines: PriceLine[],
  opts: { destination?: Destination | null; rateId?: number | null; discount?: (subtotal: number) => number } = {},
): Totals {
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  const totalQuantity = lines.reduce((sum, l) => sum + l.quantity, 0);
  const weight = lines.reduce((sum, l) => sum + (l.weightGrams ?? 0) * l.quantity, 0);
  const discount = Math.min(subtotal, Math.max(0, opts.discount?.(subtotal) ?? 0));
  const goods = subtotal - discount;
  const destination = opts.destination ?? null;
  const zone = zoneFor(setup.zones, destination?.country ?? null);
  const options: PricedRate[] = (zone?.rates ?? [])
    .filter((r) => (r.minWeightGrams === null || weight >= r.minWeightGrams) && (r.maxWeightGrams === null || weight <= r.maxWeightGrams))
    .map((rate) => ({
      rate,
      price: totalQuantity === 0 || (rate.freeAboveAmount !== null && goods >= rate.freeAboveAmount) ? 0 : rate.priceAmount,
    }));
  const cheapest = options.reduce<PricedRate | null>((best, o) => (!best || o.price < best.price ? o : best), null);
  const selected = options.find((o) => o.rate.id === opts.rateId) ?? cheapest;
  const shipping = selected?.price ?? 0;
  const taxRate = taxRateFor(setup.taxRates, destination);
  const bps = taxRate?.rateBps ?? 0;
  const tax = setup.taxIncluded ? goods - half(goods * 10_000, 10_000 + bps) : half(goods * bps, 10_000);
  return {
    subtotal,
    discount,
    shipping,
    tax,
    total: goods + shipping + (setup.taxIncluded ? 0 : tax),
    totalQuantity,
    options,
    selected,
    noShipping: destination !== null && options.length === 0,
    noRateForParcel: zone !== null && zone.rates.length > 0 && options.length === 0,
    freeShippingIn:
      selected && selected.price > 0 && selected.rate.freeAboveAmount !== null && totalQuantity > 0
        ? selected.rate.freeAboveAmount - goods
        : null,
    taxRate,
    taxIncluded: setup.taxIncluded,
  };
}

/**
 * The store's settings before shipping zones existed (SHIPPING_FLAT, FREE_SHIPPING_THRESHOLD, TAX_RATE_BPS)
 * as the default zone and tax rate, so an upgraded store charges what it charged before.
 */
export function defaultSetup(opts: { shippingFlat: number; freeShippingThreshold: number; taxRateBps: number }): {
  zone: Omit<ShippingZoneSpec, "id" | "rates">;
  rate: Omit<ShippingRateSpec, "id">;
  taxRate: TaxRateSpec | null;
} {
  return {
    zone: { name: "Everywhere", countries: ["*"] },
    rate: {
      name: "Standard shipping",
      priceAmount: opts.shippingFlat,
      freeAboveAmount: opts.freeShippingThreshold > 0 ? opts.freeShippingThreshold : null,
      minWeightGrams: null,
      maxWeightGrams: null,
      estimatedDays: null,
    },
    taxRate: opts.taxRateBps > 0 ? { country: "*", region: null, name: "Tax", rateBps: opts.taxRateBps } : null,
  };
}
