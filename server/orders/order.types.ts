import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { PaymentKind } from "../payments/payment.port";
import { Order, PaymentStatus } from "./order.entity";

@ObjectType()
export class OrderConnection extends Connection(Order) {}

registerEnumType(PaymentKind, {
  name: "PaymentKind",
  valuesConfig: {
    CARD_HOSTED: { description: "The shopper pays on the provider's page (redirectUrl) and comes back to the order." },
    MANUAL: { description: "Bank transfer, cash on delivery or pay in store: follow the instructions; the owner confirms." },
    TEST: { description: "Test cards only; no money moves (development and tests)." },
  },
});

@ObjectType({ description: "A way to pay that this store offers now." })
export class PaymentMethod {
  @Field({ description: 'What PaymentInput.provider takes, e.g. "stripe".' })
  id: string;

  @Field()
  name: string;

  @Field(() => PaymentKind)
  kind: PaymentKind;

  @Field(() => String, { nullable: true, description: "For manual methods: how to pay." })
  instructions: string | null;
}

@ObjectType({ description: "How an order is being paid." })
export class Payment {
  @Field()
  provider: string;

  @Field(() => PaymentStatus)
  status: PaymentStatus;

  @Field(() => String, { nullable: true, description: "While PENDING on a hosted page: where the shopper pays." })
  redirectUrl: string | null;

  @Field(() => String, { nullable: true, description: "For a manual method: how to pay." })
  instructions: string | null;

  @Field(() => Date, { nullable: true, description: "While PENDING: when the stock hold ends and the order is cancelled unpaid." })
  expiresAt: Date | null;
}
