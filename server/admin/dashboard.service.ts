import { Money } from "../graphql/money.type";
import type { InventoryService } from "../inventory/inventory.service";
import type { OrderService } from "../orders/order.service";
import type { Dashboard } from "./dashboard.types";

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Sums orders in plain code over one query per kind, so SQLite and MySQL give the same (UTC) days. */
export class DashboardService {
  constructor(
    private readonly orderService: OrderService,
    private readonly inventory: InventoryService,
    private readonly currency: string,
  ) {}

  async summary(now = new Date()): Promise<Dashboard> {
    const today = day(now);
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const since = new Date(Math.min(monthStart.getTime(), Date.parse(today) - 29 * DAY));
    const orders = await this.orderService.salesSince(since);
    const byDay = new Map<string, { orders: number; revenue: number }>();
    for (let i = 29; i >= 0; i--) byDay.set(day(new Date(Date.parse(today) - i * DAY)), { orders: 0, revenue: 0 });
    let month = { orders: 0, revenue: 0 };
    for (const o of orders) {
      const d = byDay.get(day(o.createdAt));
      if (d) {
        d.orders++;
        d.revenue += o.totalAmount;
      }
      if (o.createdAt >= monthStart) month = { orders: month.orders + 1, revenue: month.revenue + o.totalAmount };
    }
    const recentIds = orders.filter((o) => o.createdAt.getTime() >= Date.parse(today) - 29 * DAY).map((o) => o.id);
    const lines = await this.orderService.linesFor(recentIds);
    const top = new Map<string, { sku: string; name: string; quantity: number; revenue: number }>();
    for (const l of lines) {
      const t = top.get(l.sku) ?? { sku: l.sku, name: l.name, quantity: 0, revenue: 0 };
      t.quantity += l.quantity;
      t.revenue += l.lineTotalAmount;
      top.set(l.sku, t);
    }
    const money = (amount: number) => Money.of(amount, this.currency);
    const todays = byDay.get(today)!;
    return {
      ordersToday: todays.orders,
      revenueToday: money(todays.revenue),
      ordersThisMonth: month.orders,
      revenueThisMonth: money(month.revenue),
      revenueByDay: [...byDay].map(([date, v]) => ({ date, orders: v.orders, revenue: money(v.revenue) })),
      topProducts: [...top.values()]
        .sort((a, b) => b.quantity - a.quantity || b.revenue - a.revenue)
        .slice(0, 5)
        .map((t) => ({ ...t, revenue: money(t.revenue) })),
      lowStock: await this.inventory.lowStock(),
      lowStockThreshold: this.inventory.lowStockThreshold,
    };
  }
}
