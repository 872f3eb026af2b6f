import { Link } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { useMyOrdersQuery } from "../../graphql/hooks";
import { apiError } from "../../lib/errors";
import { STATUS_LABEL } from "../order/order-page";

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
      {orders.totalCount === 0 ? (
        <p>
          You haven't ordered anything yet. <Link to="/">Browse the catalog</Link>.
        </p>
      ) : (
        <table className="order-lines">
          <caption>{orders.totalCount} orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {orders.nodes.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/order/${o.id}`}>{o.number}</Link>
                </td>
                <td>{new Date(o.createdAt).toLocaleDateString()}</td>
                <td data-testid="my-order-status">{STATUS_LABEL[o.status] ?? o.status}</td>
                <td>
                  <Price money={o.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {orders.pageInfo.hasNextPage && (
        <button type="button" onClick={() => fetchMore({ variables: { after: orders.pageInfo.endCursor } })}>
          Show older orders
        </button>
      )}
    </section>
  );
}
