import { Link } from "react-router";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import type { MyOrdersQuery } from "../../graphql/graphql";
import { useMyOrdersQuery } from "../../graphql/op.MyOrders";
import { apiError } from "../../lib/errors";
import { STATUS_LABEL } from "../order/order-page";
import { count } from "../../lib/messages";

type Row = NonNullable<MyOrdersQuery["myOrders"]>["nodes"][number];

const columns: Column<Row>[] = [
  { header: "Order", cell: (o) => <Link to={`/order/${o.id}`}>{o.number}</Link> },
  { header: "Date", cell: (o) => new Date(o.createdAt).toLocaleDateString() },
  { header: "Status", cell: (o) => <span data-testid="my-order-status">{STATUS_LABEL[o.status] ?? o.status}</span> },
  { header: "Total", numeric: true, cell: (o) => <Price money={o.total} /> },
];

export function MyOrdersPage() {
  usePageTitle("My orders");
  const { data, loading, error, fetchMore } = useMyOrdersQuery({ variables: { first: 20 }, fetchPolicy: "cache-and-network" });
  if (apiError(error)?.code === "UNAUTHENTICATED") {
    return (
      <section className="narrow">
        <h1>My orders</h1>
        <p>
          <Link to="/login?next=/account/orders">Sign in</Link> to see your orders.
        </p>
      </section>
    );
  }
  const orders = data?.myOrders;
  if (!orders) return <p role="status">{loading ? "Loading your orders…" : "We couldn't load your orders."}</p>;
  return (
    <section>
      <h1>My orders</h1>
      <p>
        <Link to="/account">Change your password</Link>
      </p>
      {orders.totalCount === 0 ? (
        <p>
          You haven't ordered anything yet. <Link to="/">Browse the catalog</Link>.
        </p>
      ) : (
        <ListTable
          className="order-lines"
          caption={`${count(orders.totalCount, "order")}, newest first`}
          columns={columns}
          rows={orders.nodes}
          rowKey={(o) => o.id}
          more={
            orders.pageInfo.hasNextPage
              ? { label: "Show older orders", load: () => fetchMore({ variables: { after: orders.pageInfo.endCursor } }) }
              : undefined
          }
        />
      )}
    </section>
  );
}
