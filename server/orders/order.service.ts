import { In, IsNull, MoreThanOrEqual, Not } from "typeorm";
import type { GuestOrders } from "../accounts/account.port";
import type { ProductReferences } from "../catalog/catalog.port";
import { newestFirstPage } from "../db/keyset";
import { LIKE_ESCAPE, containsPattern } from "../db/like";
import type { Transactions } from "../db/transaction";
import type { Viewer } from "../graphql/context";
import { OrderLine } from "./order-line.entity";
import { findOrderWithLines, isOrderId } from "./order-queries";
import { Order, OrderStatus } from "./order.entity";
import type { OrderConnection } from "./order.types";

/** The role that sees every order (accounts' Role.ADMIN). */
const ADMIN_ROLE = "ADMIN";

export class OrderService implements ProductReferences, GuestOrders {
  constructor(private readonly tx: Transactions) {}

  /**
   * An order for whoever may see it: the session that placed it, the customer it belongs to (from any
   * of their sessions), or an admin; null for anyone else and for ids that don't exist.
   */
  async forViewer(viewer: Viewer, id: string): Promise<Order | null> {
    if (!viewer.sessionId || !isOrderId(id)) return null;
    const order = await findOrderWithLines(this.tx.manager, { id });
    if (!order) return null;
    const mine = order.sessionId === viewer.sessionId || (viewer.customerId !== undefined && order.customerId === viewer.customerId);
    return mine || viewer.role === ADMIN_ROLE ? order : null;
  }

  /**
   * A page of orders, newest first: a customer's own, or (admin) any, by status and by a search of the
   * number and email. Keyset cursor (the last order's id); the count only if asked for.
   */
  async list(
    filter: { customerId?: string; status?: OrderStatus | null; search?: string | null },
    first: number,
    after?: string | null,
  ): Promise<OrderConnection> {
    const qb = this.tx.manager.createQueryBuilder(Order, "o");
    if (filter.customerId) qb.andWhere("o.customer_id = :customerId", { customerId: filter.customerId });
    if (filter.status) qb.andWhere("o.status = :status", { status: filter.status });
    const term = filter.search?.trim().toLowerCase();
    if (term)
      qb.andWhere(`(LOWER(o.number) LIKE :q ${LIKE_ESCAPE} OR LOWER(o.email) LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(term) });
    return newestFirstPage(qb, "orders", first, after);
  }

  /** The lines of many orders in one query (for lists). */
  async linesFor(orderIds: readonly string[]): Promise<OrderLine[]> {
    if (!orderIds.length) return [];
    return this.tx.manager.find(OrderLine, { where: { orderId: In([...orderIds]) }, order: { orderId: "ASC", position: "ASC" } });
  }

  /** Every order, newest first (the orders export). */
  all(): Promise<Order[]> {
    return this.tx.manager.find(Order, { order: { createdAt: "DESC" } });
  }

  /** Orders since a moment that count as sales (not cancelled or refunded), for the dashboard. */
  salesSince(since: Date): Promise<Pick<Order, "id" | "createdAt" | "totalAmount">[]> {
    return this.tx.manager.find(Order, {
      where: { createdAt: MoreThanOrEqual(since), status: Not(In([OrderStatus.CANCELLED, OrderStatus.REFUNDED])) },
      select: { id: true, createdAt: true, totalAmount: true },
    });
  }

  /** At sign-in (accounts' GuestOrders): the session's guest orders become the customer's. */
  async adoptGuestOrders(sessionId: string, customerId: string): Promise<void> {
    await this.tx.run((m) => m.update(Order, { sessionId, customerId: IsNull() }, { customerId }));
  }

  /** Products that orders refer to can't be deleted (catalog's ProductReferences). */
  isReferenced(productId: number): Promise<boolean> {
    return this.tx.manager.exists(OrderLine, { where: { productId } });
  }
}
