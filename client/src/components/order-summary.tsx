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
      {/* A list-table: on a phone each line stacks, its figures headed by their column's name. */}
      <table className="order-lines list-table" role="table">
        <caption>Items in order {order.number}</caption>
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">
              Item
            </th>
            <th scope="col" role="columnheader">
              Quantity
            </th>
            <th scope="col" role="columnheader">
              Price
            </th>
            <th scope="col" role="columnheader">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.sku} role="row">
              <td role="cell">
                {line.name}
                {line.variantTitle && <span className="variant-title">{line.variantTitle}</span>}
              </td>
              <td role="cell" data-label="Quantity">
                {line.quantity}
              </td>
              <td role="cell" data-label="Price">
                <Price money={line.unitPrice} />
              </td>
              <td role="cell" data-label="Total">
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
