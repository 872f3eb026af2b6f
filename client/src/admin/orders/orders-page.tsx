import { useState } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import type { OrderStatus } from "../../graphql/graphql";
import { useAdminOrdersQuery } from "../../graphql/hooks";

export const ORDER_STATUSES: OrderStatus[] = ["PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"];

export function OrdersPage() {
  usePageTitle("Orders");
  const [status, setStatus] = useState<OrderStatus | "">("");
  const [search, setSearch] = useState("");
  const { data, fetchMore } = useAdminOrdersQuery({ variables: { status: status || null, search: search || null, first: 50 }, fetchPolicy: "cache-and-network" });
  const orders = data?.orders;
  return (
    <section>
      <h1>Orders</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="order-search">Search</label>
          <input id="order-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Order number or email" />
        </div>
        <div className="field">
          <label htmlFor="order-status">Status</label>
          <select id="order-status" value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | "")}>
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!orders ? (
        <p role="status">Loading…</p>
      ) : orders.totalCount === 0 ? (
        <p>No orders match.</p>
      ) : (
        <table>
          <caption className="sr-only">{orders.totalCount} orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {orders.nodes.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/admin/orders/${o.id}`}>{o.number}</Link>
                </td>
                <td>{new Date(o.createdAt).toLocaleString()}</td>
                <td>{o.email}</td>
                <td>{o.status}</td>
                <td>
                  <Price money={o.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {orders?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => fetchMore({ variables: { after: orders.pageInfo.endCursor } })}>
          Load more
        </button>
      )}
    </section>
  );
}
