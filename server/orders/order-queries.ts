import type { EntityManager, FindOptionsWhere } from "typeorm";
import { moneyInputValue } from "../../common/money";
import type { Transactions } from "../db/transaction";
import { Order } from "./order.entity";

/** Order ids are random UUIDs; anything else can't be an order. */
export const isOrderId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** One order with its lines in the order they were bought. */
export function findOrderWithLines(m: EntityManager, where: FindOptionsWhere<Order>): Promise<Order | null> {
  return m.findOne(Order, { where, relations: { lines: true }, order: { lines: { position: "ASC" } } });
}

/** The order row, locked FOR UPDATE (where the engine has row locks) for the rest of the caller's transaction. */
export function lockOrder(tx: Transactions, id: string): Promise<Order | null> {
  return tx.lockForUpdate(tx.manager.createQueryBuilder(Order, "o").where("o.id = :id", { id })).getOne();
}

/** An amount as order history notes write it: "12.50 USD". */
export const formatAmount = (amount: number, currency: string) => `${moneyInputValue(amount, currency)} ${currency}`;

/** An order history note cut to fit its column (300 characters). */
export const fitNote = (text: string) => (text.length > 300 ? `${text.slice(0, 297)}...` : text);
