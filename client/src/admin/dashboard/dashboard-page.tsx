import { Link } from "react-router";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import type { DashboardQuery } from "../../graphql/graphql";
import { useDashboardQuery } from "../../graphql/op.Dashboard";
import { OutboxWarnings } from "../emails/outbox-warnings";
import { RevenueChart } from "./revenue-chart";

type Dashboard = DashboardQuery["dashboard"];

const topColumns: Column<Dashboard["topProducts"][number]>[] = [
  { header: "Product", cell: (p) => p.name },
  { header: "Units", numeric: true, cell: (p) => p.quantity },
  { header: "Revenue", numeric: true, cell: (p) => <Price money={p.revenue} /> },
];

/** In stock: the number, or for a product with options the variants that are low ("S / Natural: 0"). */
const lowColumns = (threshold: number): Column<Dashboard["lowStock"][number]>[] => [
  { header: "Product", cell: (p) => <Link to={`/admin/products/${p.id}`}>{p.name}</Link> },
  {
    header: "In stock",
    cell: (p) =>
      p.options.length
        ? p.variants
            .filter((v) => v.stock <= threshold)
            .map((v) => `${v.title}: ${v.stock}`)
            .join(", ")
        : p.stock,
  },
];

export function DashboardPage() {
  usePageTitle("Dashboard");
  const { data } = useDashboardQuery({ fetchPolicy: "cache-and-network" });
  const d = data?.dashboard;
  if (!d) return <p role="status">Loading the dashboard…</p>;
  return (
    <section>
      <h1>Dashboard</h1>
      {data.emailOutbox && <OutboxWarnings outbox={data.emailOutbox} />}
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
            <ListTable
              caption="Best sellers of the last 30 days"
              hiddenCaption
              columns={topColumns}
              rows={d.topProducts}
              rowKey={(p) => p.sku}
            />
          ) : (
            <p className="muted">No sales yet.</p>
          )}
        </section>
        <section>
          <h2>Low stock</h2>
          {d.lowStock.length ? (
            <ListTable
              caption="Products running low, emptiest first"
              hiddenCaption
              columns={lowColumns(d.lowStockThreshold)}
              rows={d.lowStock}
              rowKey={(p) => p.id}
            />
          ) : (
            <p className="muted">Everything is well stocked.</p>
          )}
        </section>
      </div>
    </section>
  );
}
