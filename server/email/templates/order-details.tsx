import { Column } from "@react-email/column";
import { Row } from "@react-email/row";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { MailAddress, OrderMail } from "../email.types";
import { addressLines } from "../../../common/address";
import { day, money } from "./format";
import { muted, text } from "./layout";

const cell = { ...text, margin: "0", padding: "6px 0", borderBottom: "1px solid #f4f4f5", verticalAlign: "top" as const };
const amount = { ...cell, textAlign: "right" as const, whiteSpace: "nowrap" as const, paddingLeft: "12px" };
const heading = { ...text, fontWeight: 600, margin: "16px 0 4px" };

/** The order's number and date, lines, totals, addresses and payment, as every order email shows them. */
export function OrderDetails({ order }: { order: OrderMail }) {
  const m = (n: number) => money(n, order.currency);
  return (
    <Section>
      <Text style={muted}>
        Order {order.number} · placed {day(order.placedAt)}
      </Text>
      <Section>
        {order.lines.map((line, i) => (
          <Row key={i}>
            <Column style={cell}>
              {line.quantity} × {line.name}
              {line.variantTitle ? ` (${line.variantTitle})` : ""}
              <br />
              <span style={{ color: "#71717a", fontSize: "13px" }}>
                {line.sku} · {m(line.unitAmount)} each
              </span>
            </Column>
            <Column style={amount}>{m(line.lineAmount)}</Column>
          </Row>
        ))}
        <Total label="Subtotal" value={m(order.subtotal)} />
        {order.discount ? <Total label={`Discount (${order.discountCode})`} value={`−${m(order.discount)}`} /> : null}
        <Total
          label={order.shippingMethod ? `Shipping: ${order.shippingMethod}` : "Shipping"}
          value={order.shipping === 0 ? "Free" : m(order.shipping)}
        />
        {order.tax > 0 ? <Total label={`${order.taxIncluded ? "Includes " : ""}${order.taxLabel ?? "Tax"}`} value={m(order.tax)} /> : null}
        <Total label="Total" value={m(order.total)} strong />
      </Section>
      <Row>
        <Column style={{ verticalAlign: "top", width: "50%", paddingRight: "8px" }}>
          <Text style={heading}>Shipping to</Text>
          <AddressLines address={order.shippingAddress} />
        </Column>
        <Column style={{ verticalAlign: "top", width: "50%" }}>
          <Text style={heading}>Billing address</Text>
          <AddressLines address={order.billingAddress} />
        </Column>
      </Row>
      <Text style={heading}>Payment</Text>
      <Text style={text}>
        {order.payment.method}
        {order.payment.paid ? ": paid" : ": waiting for your payment"}
      </Text>
    </Section>
  );
}

function Total({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  const weight = strong ? { fontWeight: 700 } : {};
  return (
    <Row>
      <Column style={{ ...cell, ...weight, textAlign: "right" as const }}>{label}</Column>
      <Column style={{ ...amount, ...weight, width: "110px" }}>{value}</Column>
    </Row>
  );
}

/** The address in the order its country writes it (common/address.ts), a line each. */
function AddressLines({ address }: { address: MailAddress }) {
  const lines = addressLines(address);
  return (
    <Text style={{ ...text, margin: 0 }}>
      {lines.map((l, i) => (
        <span key={i}>
          {l}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </Text>
  );
}
