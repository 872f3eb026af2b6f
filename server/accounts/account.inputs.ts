import { IsEmail, Length, Matches, ValidateBy, type ValidationArguments } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { checkPassword } from "./password-policy";

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

/** The verdict on each input's password, from `validate` to `defaultMessage` (class-validator calls one right after the other). */
const passwordVerdicts = new WeakMap<object, string>();

/**
 * Not easy to guess (server/accounts/password-policy.ts), judged with the email and name on the same input, so
 * the error is BAD_USER_INPUT on `password` like every other rule. The length is @Length's to report.
 */
const HardToGuess = () =>
  ValidateBy({
    name: "hardToGuess",
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (typeof value !== "string") return true;
        const owner = (args?.object ?? {}) as Partial<RegisterInput>;
        const verdict = checkPassword(value, {
          email: typeof owner.email === "string" ? owner.email : undefined,
          name: typeof owner.name === "string" ? owner.name : undefined,
        });
        if (verdict.ok || verdict.reason === "length") return true;
        if (args) passwordVerdicts.set(args.object, verdict.message);
        return false;
      },
      defaultMessage: (args?: ValidationArguments) =>
        (args && passwordVerdicts.get(args.object)) ?? "This password is too easy to guess. Add more words or characters.",
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

  @Field({
    description:
      "8 to 128 characters, and not easy to guess: common passwords, keyboard patterns and the customer's own name or email are refused.",
  })
  @Length(8, 128, { message: "password must be 8 to 128 characters long" })
  @HardToGuess()
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

@ArgsType()
export class RequestPasswordResetArgs {
  @Field()
  @IsEmail({}, { message: "email must be a valid email address" })
  @EmailLength()
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: "The token from the reset link (after #token=)." })
  @Length(1, 200, { message: "token must be 1 to 200 characters long" })
  token: string;

  @Field({ description: "The new password, by the same rules as at sign-up." })
  @Length(8, 128, { message: "password must be 8 to 128 characters long" })
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @Length(1, 128, { message: "currentPassword must be 1 to 128 characters long" })
  currentPassword: string;

  @Field({ description: "By the same rules as at sign-up." })
  @Length(8, 128, { message: "newPassword must be 8 to 128 characters long" })
  newPassword: string;
}
