import { Field, Int, ObjectType } from "type-graphql";

/** An amount of money in minor units (cents) with its ISO 4217 currency code. */
@ObjectType({ description: "An amount in minor units (cents) with its ISO 4217 currency code." })
export class Money {
  @Field(() => Int, { description: "Amount in minor units, e.g. 2599 for 25.99." })
  amount: number;

  @Field()
  currency: string;

  static of(amount: number, currency: string): Money {
    const money = new Money();
    money.amount = amount;
    money.currency = currency;
    return money;
  }
}
