import { Arg, Args, ArgsType, Authorized, Field, ID, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { PageArgs } from "../graphql/page-args";
import { EmailMessage, EmailStatus } from "./email-message.entity";
import type { EmailService } from "./email.service";

@ObjectType()
class EmailMessageConnection extends Connection(EmailMessage) {}

export enum EmailDelivery {
  SMTP = "SMTP",
  FILES = "FILES",
  NOT_CONFIGURED = "NOT_CONFIGURED",
}
registerEnumType(EmailDelivery, {
  name: "EmailDelivery",
  valuesConfig: {
    SMTP: { description: "Sent through the mail server at SMTP_URL." },
    FILES: { description: "Demo mode without SMTP_URL: written as .eml files under data/outbox/." },
    NOT_CONFIGURED: { description: "No SMTP_URL: messages wait in the outbox until email is configured." },
  },
});

@ObjectType({ description: "Whether the store's email goes out, and what waits or failed." })
class EmailOutbox {
  @Field(() => EmailDelivery)
  delivery: EmailDelivery;

  @Field(() => Int, { description: "Messages not sent yet (waiting, being sent, or to be tried again)." })
  pending: number;

  @Field(() => Int, { description: "Messages given up after every attempt; resendEmail tries again." })
  failed: number;
}

@ArgsType()
class EmailsArgs extends PageArgs {
  @Field(() => EmailStatus, { nullable: true })
  status: EmailStatus | null;

  @Field(() => ID, { nullable: true, description: "Only the emails about this order." })
  orderId: string | null;
}

@Resolver(() => EmailMessage)
export class EmailResolver {
  constructor(private readonly email: EmailService) {}

  @Authorized("ADMIN")
  @Query(() => EmailOutbox, { description: "Admins: how email delivery stands." })
  async emailOutbox(): Promise<EmailOutbox> {
    const state = await this.email.state();
    const delivery =
      state.transport === "smtp" ? EmailDelivery.SMTP : state.transport === "files" ? EmailDelivery.FILES : EmailDelivery.NOT_CONFIGURED;
    return { delivery, pending: state.pending, failed: state.failed };
  }

  @Authorized("ADMIN")
  @Query(() => EmailMessageConnection, { description: "Admins: the outbox, newest first." })
  emails(@Args(() => EmailsArgs) { status, orderId, first, after }: EmailsArgs): Promise<EmailMessageConnection> {
    return this.email.list({ status, orderId }, first ?? 20, after);
  }

  @Authorized("ADMIN")
  @Mutation(() => EmailMessage, { description: "Admins: sends a FAILED email again (its attempts start over)." })
  resendEmail(@Arg("id", () => ID) id: string): Promise<EmailMessage> {
    return this.email.resend(id);
  }
}
