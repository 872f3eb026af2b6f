import { In, Not } from "typeorm";
import { computeTotals, defaultSetup, zoneFor } from "./pricing";
import type { Destination, PriceLine, PricingSetup, Totals } from "./shipping.types";
import type { Transactions } from "../db/transaction";
import { badInput, notFound } from "../graphql/errors";
import { ShippingRate, ShippingZone, TaxRate } from "./shipping.entity";
import { ShippingZoneInput, TaxRateInput } from "./shipping.inputs";

const parseId = (id: string | null | undefined) => (id && /^\d{1,15}$/.test(id) ? Number(id) : undefined);

/** A demo's extra zone (rates in minor units) and tax rates. */
export interface DemoShipping {
  zone: { name: string; countries: string[]; rates: { name: string; price: number; freeAbove?: number; estimatedDays?: string }[] };
  taxRates: { country: string; name: string; rateBps: number }[];
}

export interface ShippingSettings {
  currency: string;
  taxIncluded: boolean;
  /** The settings from before zones existed, which become the default zone when there is none. */
  shippingFlat: number;
  freeShippingThreshold: number;
  taxRateBps: number;
}

/** Shipping zones with their rates, and tax rates: what carts and orders are priced by, and the owner's screens for them. */
export class ShippingService {
  constructor(
    private readonly tx: Transactions,
    private readonly settings: ShippingSettings,
  ) {}

  /** Everything pricing needs, in two queries. */
  async setup(): Promise<PricingSetup> {
    const zones = await this.zones();
    const taxRates = await this.taxRates();
    return {
      zones: zones.map((z) => ({
        id: z.id,
        name: z.name,
        countries: z.countryList,
        rates: z.rates.map((r) => ({
          id: r.id,
          name: r.name,
          priceAmount: r.priceAmount,
          freeAboveAmount: r.freeAboveAmount,
          minWeightGrams: r.minWeightGrams,
          maxWeightGrams: r.maxWeightGrams,
          estimatedDays: r.estimatedDays,
        })),
      })),
      taxRates: taxRates.map((t) => ({ country: t.country, region: t.region || null, name: t.name, rateBps: t.rateBps })),
      taxIncluded: this.settings.taxIncluded,
    };
  }

  get taxIncluded(): boolean {
    return this.settings.taxIncluded;
  }

  async zones(): Promise<ShippingZone[]> {
    const zones = await this.tx.manager.find(ShippingZone, { relations: { rates: true }, order: { position: "ASC", id: "ASC" } });
    for (const z of zones) z.rates.sort((a, b) => a.position - b.position || a.id - b.id);
    return zones;
  }

  taxRates(): Promise<TaxRate[]> {
    return this.tx.manager.find(TaxRate, { order: { country: "ASC", region: "ASC" } });
  }

  /**
   * A store without zones (a new one, or one upgraded from before zones) gets its shipping and tax settings
   * (SHIPPING_FLAT, FREE_SHIPPING_THRESHOLD, TAX_RATE_BPS) as an "Everywhere" zone and a "*" tax rate, so it
   * charges what it charged before. Once there is a zone, the owner's screens are where they change.
   */
  async ensureDefaults(): Promise<void> {
    await this.tx.run(async (m) => {
      if ((await m.count(ShippingZone)) > 0) return;
      const { zone, rate, taxRate } = defaultSetup(this.settings);
      const saved = await m.save(ShippingZone, { name: zone.name, countries: zone.countries.join(","), position: 0 });
      await m.insert(ShippingRate, { ...rate, zoneId: saved.id, position: 0, currency: this.settings.currency });
      if (taxRate && (await m.count(TaxRate)) === 0) await m.insert(TaxRate, { ...taxRate, region: "" });
    });
  }

  /**
   * Prices lines for a destination with the store's zones and tax rates (carts and checkout); `discount` is
   * the amount a code takes off the subtotal.
   */
  async quote(
    lines: PriceLine[],
    opts: { destination?: Destination | null; rateId?: number | null; discount?: (subtotal: number) => number } = {},
  ): Promise<Totals & { zoneName: string | null }> {
    const setup = await this.setup();
    const totals = computeTotals(setup, lines, opts);
    return { ...totals, zoneName: totals.selected ? (zoneFor(setup.zones, opts.destination?.country ?? null)?.name ?? null) : null };
  }

  /** Whether some zone ships to the country. */
  async shipsTo(country: string): Promise<boolean> {
    return zoneFor((await this.setup()).zones, country) !== null;
  }

  /** A demo's extra zone and its tax rates (those missing). */
  async loadDemo(demo: DemoShipping): Promise<void> {
    await this.ensureDefaults();
    const zones = await this.zones();
    if (!zones.some((z) => z.name === demo.zone.name)) {
      await this.saveZone(Object.assign(new ShippingZoneInput(), demo.zone, { rates: demo.zone.rates.map((r) => ({ ...r })) }));
    }
    const taxes = await this.taxRates();
    for (const rate of demo.taxRates) {
      if (!taxes.some((t) => t.country === rate.country && !t.region)) await this.saveTaxRate(Object.assign(new TaxRateInput(), rate));
    }
  }

  /** Creates or changes a zone with its rates; a country may be in one zone only. */
  async saveZone(input: ShippingZoneInput): Promise<ShippingZone> {
    const countries = [...new Set(input.countries.map((c) => c.trim().toUpperCase()))];
    if (countries.includes("*") && countries.length > 1) throw badInput("countries", '"*" stands alone: every country no other zone names');
    const id = await this.tx.run(async (m) => {
      const zoneId = parseId(input.id);
      if (input.id && !zoneId) throw notFound("Shipping zone", input.id);
      const others = await m.find(ShippingZone, zoneId ? { where: { id: Not(zoneId) } } : {});
      for (const other of others) {
        const shared = other.countryList.find((c) => countries.includes(c));
        if (shared)
          throw badInput(
            "countries",
            `${shared === "*" ? "Another zone is already the one for everywhere else" : `${shared} is already in ${other.name}`}`,
          );
      }
      let zone: ShippingZone;
      if (zoneId) {
        const found = await m.findOneBy(ShippingZone, { id: zoneId });
        if (!found) throw notFound("Shipping zone", input.id!);
        await m.update(ShippingZone, { id: zoneId }, { name: input.name.trim(), countries: countries.join(",") });
        zone = found;
      } else {
        zone = await m.save(ShippingZone, { name: input.name.trim(), countries: countries.join(","), position: others.length });
      }
      const existing = await m.findBy(ShippingRate, { zoneId: zone.id });
      const keep = input.rates.map((r) => parseId(r.id)).filter((x): x is number => x !== undefined);
      const foreign = keep.find((k) => !existing.some((e) => e.id === k));
      if (foreign !== undefined) throw badInput("rates", `Rate ${foreign} is not one of this zone's`);
      const gone = existing.filter((e) => !keep.includes(e.id)).map((e) => e.id);
      if (gone.length) await m.delete(ShippingRate, { id: In(gone) });
      for (const [position, r] of input.rates.entries()) {
        if (r.minWeightGrams != null && r.maxWeightGrams != null && r.minWeightGrams > r.maxWeightGrams)
          throw badInput(`rates[${position}].maxWeightGrams`, "The largest weight must not be below the smallest");
        const fields = {
          name: r.name.trim(),
          priceAmount: r.price,
          freeAboveAmount: r.freeAbove ?? null,
          minWeightGrams: r.minWeightGrams ?? null,
          maxWeightGrams: r.maxWeightGrams ?? null,
          estimatedDays: r.estimatedDays?.trim() || null,
          position,
          currency: this.settings.currency,
        };
        const rateId = parseId(r.id);
        if (rateId) await m.update(ShippingRate, { id: rateId }, fields);
        else await m.insert(ShippingRate, { ...fields, zoneId: zone.id });
      }
      return zone.id;
    });
    return (await this.zones()).find((z) => z.id === id)!;
  }

  /** Deletes a zone; the last one can't go (a store must ship somewhere: change it instead). */
  async deleteZone(id: string): Promise<boolean> {
    return this.tx.run(async (m) => {
      const zoneId = parseId(id);
      const zone = zoneId ? await m.findOneBy(ShippingZone, { id: zoneId }) : null;
      if (!zone) throw notFound("Shipping zone", id);
      if ((await m.count(ShippingZone)) === 1) throw badInput("id", "The store's last shipping zone can't be deleted; change it instead");
      await m.delete(ShippingRate, { zoneId: zone.id });
      await m.delete(ShippingZone, { id: zone.id });
      return true;
    });
  }

  async saveTaxRate(input: TaxRateInput): Promise<TaxRate> {
    const country = input.country.toUpperCase();
    const region = input.region?.trim() ?? "";
    if (country === "*" && region) throw badInput("region", 'The rate for every other country ("*") has no region');
    return this.tx.run(async (m) => {
      const id = parseId(input.id);
      if (input.id && !id) throw notFound("Tax rate", input.id);
      const clash = await m.findOneBy(TaxRate, { country, region });
      if (clash && clash.id !== id) throw badInput("country", `${country}${region ? ` (${region})` : ""} already has a tax rate`);
      const fields = { country, region, name: input.name.trim(), rateBps: input.rateBps };
      if (id) {
        if (!(await m.findOneBy(TaxRate, { id }))) throw notFound("Tax rate", input.id!);
        await m.update(TaxRate, { id }, fields);
        return (await m.findOneBy(TaxRate, { id }))!;
      }
      return m.save(TaxRate, fields);
    });
  }

  async deleteTaxRate(id: string): Promise<boolean> {
    return this.tx.run(async (m) => {
      const rateId = parseId(id);
      const found = rateId ? await m.findOneBy(TaxRate, { id: rateId }) : null;
      if (!found) throw notFound("Tax rate", id);
      await m.delete(TaxRate, { id: found.id });
      return true;
    });
  }
}
