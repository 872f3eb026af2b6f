import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Money } from "../graphql/money.type";

/** Where the store ships: a set of countries ("*": every country no other zone names) with its rates. */
@ObjectType()
@Entity("shipping_zone")
export class ShippingZone {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: "varchar", length: 100 })
  name: string;

  /** ISO codes separated by commas, or "*". */
  @Column({ type: "varchar", length: 1000 })
  countries: string;

  @Column({ type: "int", default: 0 })
  position: number;

  @Field(() => [ShippingRate])
  @OneToMany(() => ShippingRate, (rate) => rate.zone)
  rates: ShippingRate[];

  @Field(() => [String], { name: "countries", description: 'ISO 3166-1 alpha-2 codes; ["*"] for every country no other zone names.' })
  get countryList(): string[] {
    return this.countries.split(",").filter(Boolean);
  }
}

/** One way to ship to a zone: flat, free above a subtotal, and/or for a band of parcel weights. */
@ObjectType()
@Entity("shipping_rate")
@Index("ix_shipping_rate_zone", ["zoneId", "position"])
export class ShippingRate {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "zone_id", type: "int" })
  zoneId: number;

  @ManyToOne(() => ShippingZone, (zone) => zone.rates, { onDelete: "CASCADE" })
  @JoinColumn({ name: "zone_id" })
  zone: ShippingZone;

  @Field()
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Column({ name: "price_amount", type: "int" })
  priceAmount: number;

  @Column({ name: "free_above_amount", type: "int", nullable: true })
  freeAboveAmount: number | null;

  @Field(() => Int, { nullable: true, description: "Applies to parcels of at least this many grams." })
  @Column({ name: "min_weight_grams", type: "int", nullable: true })
  minWeightGrams: number | null;

  @Field(() => Int, { nullable: true, description: "Applies to parcels of at most this many grams." })
  @Column({ name: "max_weight_grams", type: "int", nullable: true })
  maxWeightGrams: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "2–4 business days".' })
  @Column({ name: "estimated_days", type: "varchar", length: 40, nullable: true })
  estimatedDays: string | null;

  @Column({ type: "int", default: 0 })
  position: number;

  @Column({ type: "varchar", length: 3 })
  currency: string;

  @Field(() => Money)
  get price(): Money {
    return Money.of(this.priceAmount, this.currency);
  }

  @Field(() => Money, { nullable: true, description: "Free when the goods (after discount) cost at least this." })
  get freeAbove(): Money | null {
    return this.freeAboveAmount === null ? null : Money.of(this.freeAboveAmount, this.currency);
  }
}

/** A tax rate for a country ("*": every country without its own) and optionally one region of it. */
@ObjectType()
@Entity("tax_rate")
@Index("uq_tax_rate_place", ["country", "region"], { unique: true })
export class TaxRate {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: "varchar", length: 2 })
  country: string;

  /** "" for the whole country (not null, so the unique index holds on both engines). */
  @Column({ type: "varchar", length: 100, default: "" })
  region: string;

  @Field()
  @Column({ type: "varchar", length: 60 })
  name: string;

  @Field(() => Int, { description: "Basis points: 1900 is 19%." })
  @Column({ name: "rate_bps", type: "int" })
  rateBps: number;

  @Field(() => String, { name: "region", nullable: true })
  get regionOrNull(): string | null {
    return this.region || null;
  }
}
