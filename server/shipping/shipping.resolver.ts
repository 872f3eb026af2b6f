import { Arg, Authorized, ID, Mutation, Query, Resolver } from "type-graphql";
import { ShippingZone, TaxRate } from "./shipping.entity";
import { ShippingZoneInput, TaxRateInput } from "./shipping.inputs";
import type { ShippingService } from "./shipping.service";

/** The owner's shipping zones, rates and tax rates. */
@Authorized("ADMIN")
@Resolver()
export class ShippingResolver {
  constructor(private readonly shipping: ShippingService) {}

  @Query(() => [ShippingZone], { description: "Admins: where the store ships, and at what rates." })
  shippingZones(): Promise<ShippingZone[]> {
    return this.shipping.zones();
  }

  @Query(() => [TaxRate], { description: "Admins: tax rates by country and region." })
  taxRates(): Promise<TaxRate[]> {
    return this.shipping.taxRates();
  }

  @Mutation(() => ShippingZone, {
    description: "Creates a zone, or changes the one named by id; its rates are replaced (those named by id kept).",
  })
  saveShippingZone(@Arg("input", () => ShippingZoneInput) input: ShippingZoneInput): Promise<ShippingZone> {
    return this.shipping.saveZone(input);
  }

  @Mutation(() => Boolean)
  deleteShippingZone(@Arg("id", () => ID) id: string): Promise<boolean> {
    return this.shipping.deleteZone(id);
  }

  @Mutation(() => TaxRate)
  saveTaxRate(@Arg("input", () => TaxRateInput) input: TaxRateInput): Promise<TaxRate> {
    return this.shipping.saveTaxRate(input);
  }

  @Mutation(() => Boolean)
  deleteTaxRate(@Arg("id", () => ID) id: string): Promise<boolean> {
    return this.shipping.deleteTaxRate(id);
  }
}
