import { Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";

/** A postal address; embedded twice in an order (shipping and billing). */
@ObjectType()
export class Address {
  @Field()
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  line1: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true })
  line2: string | null;

  @Field()
  @Column({ type: "varchar", length: 100 })
  city: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 100, nullable: true })
  region: string | null;

  @Field()
  @Column({ type: "varchar", length: 20 })
  postalCode: string;

  @Field({ description: "ISO 3166-1 alpha-2 country code." })
  @Column({ type: "varchar", length: 2 })
  country: string;
}
