import DataLoader from "dataloader";
import { groupBy } from "../graphql/loaders";
import type { OrderLine } from "./order-line.entity";
import type { OrderService } from "./order.service";

/** Orders' lines, batched across a list (one query per request). */
export const orderLinesLoader = (orders: OrderService) => () =>
  new DataLoader<string, OrderLine[]>(async (ids) => groupBy(ids, await orders.linesFor(ids), (l) => l.orderId));
