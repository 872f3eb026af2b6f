import { Link } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { useDashboardQuery } from "../../graphql/hooks";
import { RevenueChart } from "./revenue-chart";

export function DashboardPage() {
  usePageTitle("Dashboard");
  const { data } = useDashboardQuery({ fetchPolicy: "cache-and-network" });
  const d = data?.dashboard;
  if (!d) return <p role="status">Loading the dashboard…</p>;
  return (
    <section>
      <h1>Dashboard</h1>
      <dl className="stats">
        <div className="stat">
          <dt>Orders today</dt>
          <dd data-testid="orders-today">{d.ordersToday}</dd>
        </div>
        <div className="stat">
          <dt>Revenue today</dt>
          <dd>
            <Price money={d.revenueToday} />
          </dd>
        </div>
        <div className="stat">
          <dt>Orders this month</dt>
          <dd>{d.ordersThisMonth}</dd>
        </div>
        <div className="stat">
          <dt>Revenue this month</dt>
          <dd>
            <Price money={d.revenueThisMonth} />
          </dd>
        </div>
      </dl>
      <RevenueChart days={d.revenueByDay} />
      <div className="two-cols">
        <section>
          <h2>Top products (30 days)</h2>
          {d.topProducts.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Units</th>
                  <th scope="col">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {d.topProducts.map((p) => (
                  <tr key={p.sku}>
                    <td>{p.name}</td>
                    <td>{p.quantity}</td>
                    <td>
                      <Price money={p.revenue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No sales yet.</p>
          )}
        </section>
        <section>
          <h2>Low stock</h2>
          {d.lowStock.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">In stock</th>
                </tr>
              </thead>
              <tbody>
                {d.lowStock.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/admin/products/${p.id}`}>{p.name}</Link>
                    </td>
                    <td>{p.stock}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">Everything is well stocked.</p>
          )}
        </section>
      </div>
    </section>
  );
}
