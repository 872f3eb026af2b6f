/** What pricing by destination takes and gives (shipping/pricing.ts computes it; carts and checkout use it through ShippingService). */

export interface ShippingRateSpec {
  id: number;
  name: string;
  priceAmount: number;
  /** Free when the goods (after discount) cost at least this; null: never free. */
  freeAboveAmount: number | null;
  /** Applies only to parcels from/up to this weight (grams); null: any. */
  minWeightGrams: number | null;
  maxWeightGrams: number | null;
  estimatedDays: string | null;
}

export interface ShippingZoneSpec {
  id: number;
  name: string;
  /** ISO 3166-1 alpha-2 codes; "*" is every country no other zone names. */
  countries: string[];
  rates: ShippingRateSpec[];
}

export interface TaxRateSpec {
  /** ISO code, or "*" for every country without its own rate. */
  country: string;
  /** A region (state, province) with its own rate; null: the whole country. */
  region: string | null;
  name: string;
  rateBps: number;
}

export interface PricingSetup {
  zones: ShippingZoneSpec[];
  taxRates: TaxRateSpec[];
  /** Prices include tax (the tax is the part of them that is tax) rather than tax being added on top. */
  taxIncluded: boolean;
}

export interface Destination {
  country: string;
  region?: string | null;
  postalCode?: string | null;
}

export interface PricedRate {
  rate: ShippingRateSpec;
  price: number;
}

export interface Totals {
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  totalQuantity: number;
  /** The shipping options for the destination (or, before one is known, the store's default zone). */
  options: PricedRate[];
  selected: PricedRate | null;
  /** True when a destination is known and no zone ships there. */
  noShipping: boolean;
  /** The destination's zone ships, but none of its rates takes a parcel of this weight. */
  noRateForParcel: boolean;
  /** How much more in goods (after the discount) makes the selected rate free; null when it is free or never is. */
  freeShippingIn: number | null;
  taxRate: TaxRateSpec | null;
  taxIncluded: boolean;
}

export interface PriceLine {
  unitPrice: number;
  quantity: number;
  weightGrams?: number | null;
}
