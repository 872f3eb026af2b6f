import { IsEmail, Length, Matches, MaxLength } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: "email must be a valid email address" })
  @MaxLength(254)
  email: string;

  @Field()
  @Length(1, 100)
  @Matches(/\S/, { message: "name must not be blank" })
  name: string;

  @Field({ description: "8 to 128 characters." })
  @Length(8, 128, { message: "password must be 8 to 128 characters long" })
  password: string;
}

@ArgsType()
export class LoginArgs {
  @Field()
  @Length(1, 254, { message: "email must be 1 to 254 characters long" })
  email: string;

  @Field()
  @Length(1, 128, { message: "password must be 1 to 128 characters long" })
  password: string;
}
