import type { DashboardQuery } from "../../graphql/graphql";
import { formatMoney } from "../../lib/money";
import { count } from "../../lib/messages";

type Day = DashboardQuery["dashboard"]["revenueByDay"][number];

const W = 640;
const H = 200;
/** Room for the value axis's labels on the left and the week labels below. */
const LEFT = 64;
const BOTTOM = 24;
const TOP = 8;

/** A round top for the value axis (1, 2 or 5 × a power of ten, in minor units) and its step, four steps high. */
export function valueAxis(max: number): { top: number; step: number } {
  const rough = Math.max(max, 100) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return { top: step * 4, step };
}

const dayLabel = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Revenue per day as bars over a value axis, a label per week (the newest day and every seventh before it), each
 * bar's figures on hover, and the same figures in a table for screen readers. A day without orders shows as a
 * thin mark on the baseline, so it reads as zero rather than as a gap.
 */
export function RevenueChart({ days }: { days: Day[] }) {
  const currency = days[0]?.revenue.currency ?? "USD";
  const { top, step } = valueAxis(Math.max(0, ...days.map((d) => d.revenue.amount)));
  const plotW = W - LEFT;
  const plotH = H - TOP - BOTTOM;
  const bar = plotW / Math.max(1, days.length);
  const y = (amount: number) => TOP + plotH - (amount / top) * plotH;
  const ticks = Array.from({ length: 5 }, (_, i) => i * step);
  const whole = (amount: number) => formatMoney({ amount, currency }).replace(/[.,]00$/, "");
  return (
    <figure className="chart">
      <figcaption>Revenue per day, last 30 days</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" data-testid="revenue-chart">
        <g className="value-axis" fontSize="11" fill="#5a6272">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={W} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#8a93a3" : "#e3e6eb"} />
              <text x={LEFT - 6} y={y(t) + 4} textAnchor="end">
                {whole(t)}
              </text>
            </g>
          ))}
        </g>
        {days.map((d, i) => {
          const x = LEFT + i * bar + 2;
          const label = `${dayLabel(d.date)}: ${formatMoney(d.revenue)} (${count(d.orders, "order")})`;
          return d.revenue.amount > 0 ? (
            <rect
              key={d.date}
              className="bar"
              x={x}
              y={y(d.revenue.amount)}
              width={bar - 4}
              height={y(0) - y(d.revenue.amount)}
              fill="#1f5fa8"
              rx="2"
            >
              <title>{label}</title>
            </rect>
          ) : (
            <rect key={d.date} className="bar zero" x={x} y={y(0) - 3} width={bar - 4} height={3} fill="#a9b3c2">
              <title>{label}</title>
            </rect>
          );
        })}
        <g className="week-axis" fontSize="11" fill="#5a6272">
          {days.map((d, i) =>
            (days.length - 1 - i) % 7 === 0 ? (
              // The newest day's label ends at the right edge rather than running past it.
              <text
                key={d.date}
                x={i === days.length - 1 ? W : LEFT + i * bar + bar / 2}
                y={H - 6}
                textAnchor={i === days.length - 1 ? "end" : "middle"}
              >
                {dayLabel(d.date)}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <div className="sr-only">
        <table>
          <caption>Revenue per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Revenue</th>
              <th scope="col">Orders</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{dayLabel(d.date)}</th>
                <td>{formatMoney(d.revenue)}</td>
                <td>{d.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
