import { Price } from "./price";
import type { AddressFieldsFragment, OrderFieldsFragment } from "../graphql/graphql";
import { Totals } from "./totals";

const regionName = new Intl.DisplayNames(["en"], { type: "region" });

function AddressBlock({ title, address }: { title: string; address: AddressFieldsFragment }) {
  return (
    <section className="address">
      <h2>{title}</h2>
      <address>
        {address.name}
        <br />
        {address.line1}
        {address.line2 && (
          <>
            <br />
            {address.line2}
          </>
        )}
        <br />
        {address.postalCode} {address.city}
        {address.region ? `, ${address.region}` : ""}
        <br />
        {regionName.of(address.country) ?? address.country}
      </address>
    </section>
  );
}

export function OrderSummary({ order }: { order: OrderFieldsFragment }) {
  return (
    <>
      <table className="order-lines">
        <caption>Items in order {order.number}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.sku}>
              <td>
                {line.name}
                {line.variantTitle && <span className="variant-title">{line.variantTitle}</span>}
              </td>
              <td>{line.quantity}</td>
              <td>
                <Price money={line.unitPrice} />
              </td>
              <td>
                <Price money={line.lineTotal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals amounts={order} shippingName={order.shippingMethod} />
      <div className="addresses">
        <AddressBlock title="Shipping to" address={order.shippingAddress} />
        <AddressBlock title="Billing address" address={order.billingAddress} />
      </div>
    </>
  );
}
