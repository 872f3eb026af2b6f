import DataLoader from "dataloader";
import { groupBy } from "../graphql/loaders";
import type { AccountService } from "../accounts/account.service";
import type { Customer } from "../accounts/customer.entity";
import type { OrderAdminService } from "./order-admin.service";
import type { OrderEvent } from "./order-event.entity";
import type { OrderLine } from "./order-line.entity";
import type { OrderService } from "./order.service";

/** Orders' lines, batched across a list (one query per request). */
export const orderLinesLoader = (orders: OrderService) => () =>
  new DataLoader<string, OrderLine[]>(async (ids) => groupBy(ids, await orders.linesFor(ids), (l) => l.orderId));

/** Orders' histories, batched across a list, each oldest first. */
export const orderEventsLoader = (admin: OrderAdminService) => () =>
  new DataLoader<string, OrderEvent[]>(async (ids) => groupBy(ids, await admin.eventsFor(ids), (e) => e.orderId));

/** The customers who placed a list's orders, in one query. */
export const customersLoader = (accounts: AccountService) => () =>
  new DataLoader<string, Customer | null>(async (ids) => {
    const byId = new Map((await accounts.byIds(ids)).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  });
