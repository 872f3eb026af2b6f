import { Field, Int, ObjectType } from "type-graphql";
import { Product } from "../catalog/product.entity";
import { Money } from "../graphql/money.type";

@ObjectType()
export class DayRevenue {
  @Field({ description: "The day, YYYY-MM-DD (UTC)." })
  date: string;

  @Field(() => Int)
  orders: number;

  @Field(() => Money)
  revenue: Money;
}

@ObjectType()
export class TopProduct {
  @Field()
  sku: string;

  @Field()
  name: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money)
  revenue: Money;
}

@ObjectType({ description: "The owner's overview. Revenue counts orders that are not cancelled or refunded." })
export class Dashboard {
  @Field(() => Int)
  ordersToday: number;

  @Field(() => Money)
  revenueToday: Money;

  @Field(() => Int)
  ordersThisMonth: number;

  @Field(() => Money)
  revenueThisMonth: Money;

  @Field(() => [DayRevenue], { description: "The last 30 days, oldest first, every day present." })
  revenueByDay: DayRevenue[];

  @Field(() => [TopProduct], { description: "Best sellers of the last 30 days by units." })
  topProducts: TopProduct[];

  @Field(() => [Product], { description: "Products with a variant at or below lowStockThreshold (their variants say which)." })
  lowStock: Product[];

  @Field(() => Int, { description: "LOW_STOCK_THRESHOLD." })
  lowStockThreshold: number;
}
