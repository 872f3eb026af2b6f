import { Price } from "./price";
import type { AddressFieldsFragment, OrderFieldsFragment } from "../graphql/graphql";
import { addressLines } from "../../../common/address";
import { Totals } from "./totals";

/** An address in the order its country writes it (common/address.ts). */
function AddressBlock({ title, address }: { title: string; address: AddressFieldsFragment }) {
  const lines = addressLines(address);
  const id = `address-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className="address" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <address>
        {lines.map((line, i) => (
          <span key={i}>
            {line}
            {i < lines.length - 1 && <br />}
          </span>
        ))}
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
            <th scope="col" role="columnheader" className="num">
              Quantity
            </th>
            <th scope="col" role="columnheader" className="num">
              Price
            </th>
            <th scope="col" role="columnheader" className="num">
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
              <td role="cell" data-label="Quantity" className="num">
                {line.quantity}
              </td>
              <td role="cell" data-label="Price" className="num">
                <Price money={line.unitPrice} />
              </td>
              <td role="cell" data-label="Total" className="num">
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
