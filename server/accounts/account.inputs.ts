import { IsEmail, Length, Matches, ValidateBy } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";

/** Emails are unique and compared lower-cased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const MAX_EMAIL_LENGTH = 254;

/**
 * 1 to 254 characters as stored: lower-casing can lengthen a string ("İ" becomes two characters), so the
 * normalized form is what must fit.
 */
const EmailLength = () =>
  ValidateBy({
    name: "emailLength",
    validator: {
      validate: (value: unknown) =>
        typeof value === "string" && value.trim().length > 0 && normalizeEmail(value).length <= MAX_EMAIL_LENGTH,
      defaultMessage: () => `email must be 1 to ${MAX_EMAIL_LENGTH} characters long`,
    },
  });

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: "email must be a valid email address" })
  @EmailLength()
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
  @EmailLength()
  email: string;

  @Field()
  @Length(1, 128, { message: "password must be 1 to 128 characters long" })
  password: string;
}
