import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { ReactElement } from "react";
import type { EmailData, StoreIdentity } from "../email.types";
import { countOf } from "../../../common/plural";
import { money, moment } from "./format";
import { Action, Layout, Paragraph, muted } from "./layout";
import { OrderDetails } from "./order-details";

const ITEMS = { one: "item", other: "items" };

/** A kind of message: its subject line and its body, from the data written to the outbox. */
export interface Template<D> {
  subject(data: D, store: StoreIdentity): string;
  body(data: D, store: StoreIdentity): ReactElement;
}

type Templates = { [K in keyof EmailData]: Template<EmailData[K]> };

/** Every email the store sends, in one place. */
export const TEMPLATES: Templates = {
  ORDER_CONFIRMATION: {
    subject: (o, store) => `Your order ${o.number} at ${store.name}`,
    body: (o, store) => (
      <Layout store={store} preview={`Order ${o.number}: ${money(o.total, o.currency)}`} title="Thank you for your order!">
        {o.payment.paid ? (
          <Paragraph>We have your payment and are getting your order ready. We'll email you again when it ships.</Paragraph>
        ) : (
          <>
            <Paragraph>
              Your order is reserved. Please pay {money(o.total, o.currency)} by {o.payment.method}, quoting your order number{" "}
              <strong>{o.number}</strong>; we'll ship it once the money has arrived.
            </Paragraph>
            {o.payment.instructions ? (
              <Text style={{ ...muted, backgroundColor: "#f4f4f5", padding: "12px" }}>
                <Lines text={o.payment.instructions} />
              </Text>
            ) : null}
          </>
        )}
        {o.link ? <Action href={o.link}>View your order</Action> : null}
        <OrderDetails order={o} />
      </Layout>
    ),
  },
  NEW_ORDER_ALERT: {
    subject: (o) => `New order ${o.number}: ${money(o.total, o.currency)}${o.payment.paid ? "" : " (awaiting payment)"}`,
    body: (o, store) => (
      <Layout store={store} preview={`${o.email} ordered ${countOf(itemCount(o.lines), ITEMS)}`} title={`New order ${o.number}`}>
        <Paragraph>
          {o.email} ordered {countOf(itemCount(o.lines), ITEMS)} for {money(o.total, o.currency)}.{" "}
          {o.payment.paid
            ? "It is paid and ready to ship."
            : `It waits for payment by ${o.payment.method}; mark it paid when the money arrives.`}
        </Paragraph>
        {o.adminLink ? <Action href={o.adminLink}>Open the order</Action> : null}
        <OrderDetails order={o} />
      </Layout>
    ),
  },
  ORDER_SHIPPED: {
    subject: ({ order }, store) => `Your order ${order.number} from ${store.name} is on its way`,
    body: ({ order, trackingNumber, note }, store) => (
      <Layout
        store={store}
        preview={trackingNumber ? `Tracking number ${trackingNumber}` : `Order ${order.number} shipped`}
        title="Your order is on its way"
      >
        <Paragraph>We've handed your order {order.number} to the carrier.</Paragraph>
        {trackingNumber ? (
          <Paragraph>
            Tracking number: <strong>{trackingNumber}</strong>
          </Paragraph>
        ) : null}
        {note ? (
          <Text style={muted}>
            <Lines text={note} />
          </Text>
        ) : null}
        {order.link ? <Action href={order.link}>View your order</Action> : null}
        <OrderDetails order={order} />
      </Layout>
    ),
  },
  ORDER_CANCELLED: {
    subject: ({ order }, store) => `Your order ${order.number} at ${store.name} was cancelled`,
    body: ({ order, payment }, store) => (
      <Layout store={store} preview={`Order ${order.number} was cancelled`} title="Your order was cancelled">
        <Paragraph>We've cancelled your order {order.number}.</Paragraph>
        <Paragraph>
          {payment === "REFUND_PENDING"
            ? `Your payment of ${money(order.total, order.currency)} is being refunded to the way you paid; we'll email you when it's done.`
            : "Nothing was charged for it."}
        </Paragraph>
        <Paragraph>If you have questions, reply to this email.</Paragraph>
        <OrderDetails order={{ ...order, payment: { ...order.payment, paid: payment === "REFUND_PENDING" } }} />
      </Layout>
    ),
  },
  ORDER_REFUNDED: {
    subject: ({ order }, store) => `Your refund for order ${order.number} at ${store.name}`,
    body: ({ order, amount }, store) => (
      <Layout store={store} preview={`${money(amount, order.currency)} refunded`} title="Your money is on its way back">
        <Paragraph>
          We've refunded {money(amount, order.currency)} for order {order.number} to the way you paid ({order.payment.method}). Depending on
          your bank, it can take a few days to show on your statement.
        </Paragraph>
        <OrderDetails order={order} />
      </Layout>
    ),
  },
  PASSWORD_RESET: {
    subject: (_d, store) => `Reset your password at ${store.name}`,
    body: ({ name, link, expiresAt }, store) => (
      <Layout store={store} preview="A link to set a new password" title="Reset your password">
        <Paragraph>Hello {name},</Paragraph>
        <Paragraph>Someone (we hope you) asked to reset the password of your account. Choose a new password here:</Paragraph>
        <Action href={link}>Choose a new password</Action>
        <Text style={muted}>
          Or open this address: <Link href={link}>{link}</Link>
        </Text>
        <Text style={muted}>
          The link works once, until {moment(expiresAt)}. If you didn't ask for it, ignore this email: your password stays as it is.
        </Text>
      </Layout>
    ),
  },
  PASSWORD_CHANGED: {
    subject: (_d, store) => `Your password at ${store.name} was changed`,
    body: ({ name, changedAt, resetLink }, store) => (
      <Layout store={store} preview="Your password was changed" title="Your password was changed">
        <Paragraph>Hello {name},</Paragraph>
        <Paragraph>The password of your account was changed on {moment(changedAt)}, and every other device was signed out.</Paragraph>
        <Paragraph>
          If that wasn't you, choose a new password now
          {resetLink ? (
            <>
              {" "}
              at <Link href={resetLink}>{resetLink}</Link>
            </>
          ) : (
            " with “Forgot your password?” on the sign-in page"
          )}
          , and reply to this email.
        </Paragraph>
      </Layout>
    ),
  },
};

/** Text typed with line breaks (instructions, a note), kept as lines in both parts. */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}

const itemCount = (lines: { quantity: number }[]) => lines.reduce((n, l) => n + l.quantity, 0);
