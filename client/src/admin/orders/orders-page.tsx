import { useState } from "react";
import { Link } from "react-router";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import type { AdminOrdersQuery, OrderStatus } from "../../graphql/graphql";
import { useAdminOrdersQuery } from "../../graphql/op.AdminOrders";
import { count } from "../../lib/messages";
import { ORDER_STATUS_LABEL, ORDER_STATUSES, StatusBadge } from "./order-status";

type Row = AdminOrdersQuery["orders"]["nodes"][number];

const columns: Column<Row>[] = [
  { header: "Order", cell: (o) => <Link to={`/admin/orders/${o.id}`}>{o.number}</Link> },
  { header: "Placed", cell: (o) => new Date(o.createdAt).toLocaleString() },
  { header: "Email", cell: (o) => o.email },
  { header: "Status", cell: (o) => <StatusBadge status={o.status} /> },
  { header: "Total", numeric: true, cell: (o) => <Price money={o.total} /> },
];

export function OrdersPage() {
  usePageTitle("Orders");
  const [status, setStatus] = useState<OrderStatus | "">("");
  const [search, setSearch] = useState("");
  const { data, fetchMore } = useAdminOrdersQuery({
    variables: { status: status || null, search: search || null, first: 50 },
    fetchPolicy: "cache-and-network",
  });
  const orders = data?.orders;
  return (
    <section>
      <h1>Orders</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="order-search">Search</label>
          <input
            id="order-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Order number or email"
          />
        </div>
        <div className="field">
          <label htmlFor="order-status">Status</label>
          <select id="order-status" value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | "")}>
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS_LABEL[s]}
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
        <ListTable
          caption={`${count(orders.totalCount, "order")}, newest first`}
          hiddenCaption
          columns={columns}
          rows={orders.nodes}
          rowKey={(o) => o.id}
          more={orders.pageInfo.hasNextPage ? { load: () => fetchMore({ variables: { after: orders.pageInfo.endCursor } }) } : undefined}
        />
      )}
    </section>
  );
}
