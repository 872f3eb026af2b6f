import { IsEmail, IsISO31661Alpha2, IsNotEmpty, IsOptional, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

/** Rejects values that are only spaces, which Length(1, …) lets through. */
const NotBlank = () => Matches(/\S/, { message: "$property must not be blank" });

@InputType()
export class AddressInput {
  @Field()
  @Length(1, 100)
  @NotBlank()
  name: string;

  @Field()
  @Length(1, 200)
  @NotBlank()
  line1: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  line2?: string | null;

  @Field()
  @Length(1, 100)
  @NotBlank()
  city: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field()
  @Length(1, 20)
  @NotBlank()
  postalCode: string;

  @Field({ description: "ISO 3166-1 alpha-2 country code, e.g. US, DE, GB." })
  @IsISO31661Alpha2({ message: "country must be an ISO 3166-1 alpha-2 code such as US or DE" })
  country: string;
}

@InputType()
export class PaymentInput {
  @Field({ description: 'The payment method\'s id from paymentMethods, e.g. "stripe", "manual" or "test".' })
  @Length(1, 40)
  provider: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Only for the test provider: a test card token (pm_card_visa, pm_card_chargeDeclined). Hosted and manual methods take none.",
  })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(500)
  token?: string | null;
}

@InputType()
export class PlaceOrderInput {
  @Field()
  @IsEmail({}, { message: "email must be a valid email address" })
  @MaxLength(254)
  email: string;

  @Field(() => AddressInput)
  @ValidateNested()
  shippingAddress: AddressInput;

  @Field(() => AddressInput, { nullable: true, description: "Omitted: the same as the shipping address." })
  @IsOptional()
  @ValidateNested()
  billingAddress?: AddressInput | null;

  @Field(() => PaymentInput)
  @ValidateNested()
  payment: PaymentInput;

  @Field(() => ID, {
    nullable: true,
    description: "One of the cart's shippingOptions for this address; default: the one chosen in the cart, else the cheapest.",
  })
  @IsOptional()
  shippingOptionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Send the same key when retrying a checkout: the first order is returned instead of a second charge.",
  })
  @IsOptional()
  @Length(1, 100)
  idempotencyKey?: string | null;
}
