import type { DashboardQuery } from "../../graphql/graphql";
import { formatMoney } from "../../lib/money";
import { count } from "../../lib/messages";

type Day = DashboardQuery["dashboard"]["revenueByDay"][number];

/** Revenue per day as bars, with the same figures in a table for screen readers. */
export function RevenueChart({ days }: { days: Day[] }) {
  const max = Math.max(1, ...days.map((d) => d.revenue.amount));
  const w = 600;
  const h = 180;
  const bar = w / days.length;
  return (
    <figure className="chart">
      <figcaption>Revenue per day, last 30 days</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 20}`} aria-hidden="true">
        <line x1="0" y1={h} x2={w} y2={h} stroke="#8a93a3" />
        {days.map((d, i) => {
          const height = (d.revenue.amount / max) * (h - 10);
          return (
            <rect key={d.date} x={i * bar + 2} y={h - height} width={bar - 4} height={height} fill="#1f5fa8" rx="2">
              <title>{`${d.date}: ${formatMoney(d.revenue)} (${count(d.orders, "order")})`}</title>
            </rect>
          );
        })}
        <text x="0" y={h + 16} fontSize="11" fill="#5a6272">
          {days[0]?.date}
        </text>
        <text x={w} y={h + 16} fontSize="11" fill="#5a6272" textAnchor="end">
          {days.at(-1)?.date}
        </text>
      </svg>
      <div className="sr-only">
        <table>
          <caption>Revenue per day</caption>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                <td>{formatMoney(d.revenue)}</td>
                <td>{count(d.orders, "order")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
