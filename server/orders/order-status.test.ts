import { OrderStatus as S } from "./order.entity";
import { TRANSITIONS, canMove } from "./order-status";

describe("order status transitions", () => {
  test("allow exactly PAID→SHIPPED→DELIVERED and cancelling before shipping", () => {
    const legal = Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`));
    expect(legal.sort()).toEqual(["PAID→CANCELLED", "PAID→SHIPPED", "PENDING_PAYMENT→CANCELLED", "SHIPPED→DELIVERED"]);
  });

  test("refuse going back, skipping ahead, or leaving a final state", () => {
    expect(canMove(S.SHIPPED, S.PAID)).toBe(false);
    expect(canMove(S.PAID, S.DELIVERED)).toBe(false);
    expect(canMove(S.SHIPPED, S.CANCELLED)).toBe(false);
    expect(canMove(S.CANCELLED, S.PAID)).toBe(false);
    expect(canMove(S.PAID, S.PAID)).toBe(false);
  });
});
