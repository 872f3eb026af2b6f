import type { EntityManager, FindOptionsWhere } from "typeorm";
import { Order } from "./order.entity";

/** Order ids are random UUIDs; anything else can't be an order. */
export const isOrderId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** One order with its lines in the order they were bought. */
export function findOrderWithLines(m: EntityManager, where: FindOptionsWhere<Order>): Promise<Order | null> {
  return m.findOne(Order, { where, relations: { lines: true }, order: { lines: { position: "ASC" } } });
}
