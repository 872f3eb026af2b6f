import { In } from "typeorm";
import type { Transactions } from "../db/transaction";
import { AppError, ErrorCode, badInput, notFound } from "../graphql/errors";
import { DiscountCode, DiscountKind, DiscountRedemption } from "./discount-code.entity";
import { DiscountCodeInput } from "./discount.inputs";

export type DiscountProblem = "UNKNOWN" | "INACTIVE" | "NOT_STARTED" | "EXPIRED" | "MINIMUM_NOT_REACHED" | "USED_UP" | "ALREADY_USED";

const parseId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : undefined);

/** The DISCOUNT_INVALID error: `extensions.reason` for programs, a message a shopper understands. */
export function discountInvalid(code: string, reason: DiscountProblem, detail?: string): AppError {
  const shown = code.toUpperCase();
  const messages: Record<DiscountProblem, string> = {
    UNKNOWN: `${shown} isn't a discount code of this shop; check the spelling`,
    INACTIVE: `${shown} can't be used at the moment`,
    NOT_STARTED: `${shown} can't be used yet${detail ? `: it starts on ${detail}` : ""}`,
    EXPIRED: `${shown} has expired${detail ? ` (it ended on ${detail})` : ""}`,
    MINIMUM_NOT_REACHED: `${shown} needs an order of at least ${detail ?? "a larger amount"} before shipping`,
    USED_UP: `${shown} has been used as often as it can be`,
    ALREADY_USED: `You have already used ${shown} as often as it can be used`,
  };
  return new AppError(ErrorCode.DISCOUNT_INVALID, messages[reason], { reason, discountCode: shown });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Discount codes: checked at the cart, taken at checkout (never beyond their limits), given back when an order is given up unpaid. */
export class DiscountService {
  constructor(
    private readonly tx: Transactions,
    private readonly currency: string,
    private readonly formatMoney: (amount: number) => string,
  ) {}

  async find(code: string): Promise<DiscountCode | null> {
    const normalized = code.trim().toUpperCase();
    if (!normalized || normalized.length > 40) return null;
    return this.tx.manager.findOneBy(DiscountCode, { code: normalized });
  }

  /** How much the code takes off `subtotal` (never more than the subtotal). */
  amountOff(code: DiscountCode, subtotal: number): number {
    const off = code.kind === DiscountKind.PERCENTAGE ? Math.floor((subtotal * code.value + 50) / 100) : code.value;
    return Math.min(off, subtotal);
  }

  /** Why the code can't be used for this subtotal now (not counting uses), or null when it can. */
  problem(code: DiscountCode | null, subtotal: number, now = new Date()): { reason: DiscountProblem; detail?: string } | null {
    if (!code) return { reason: "UNKNOWN" };
    if (!code.active) return { reason: "INACTIVE" };
    if (code.startsAt && now < code.startsAt) return { reason: "NOT_STARTED", detail: day(code.startsAt) };
    if (code.endsAt && now >= code.endsAt) return { reason: "EXPIRED", detail: day(code.endsAt) };
    if (code.minSubtotalAmount !== null && subtotal < code.minSubtotalAmount)
      return { reason: "MINIMUM_NOT_REACHED", detail: this.formatMoney(code.minSubtotalAmount) };
    if (code.usageLimit !== null && code.usedCount >= code.usageLimit) return { reason: "USED_UP" };
    return null;
  }

  /** For applyDiscountCode: the code if it can be used for this subtotal now; else DISCOUNT_INVALID. */
  async check(raw: string, subtotal: number): Promise<DiscountCode> {
    const code = await this.find(raw);
    const problem = this.problem(code, subtotal);
    if (problem) throw discountInvalid(raw.trim(), problem.reason, problem.detail);
    return code!;
  }

  /**
   * At checkout, in its transaction: locks the code's row (so racing checkouts take uses one at a time),
   * checks it again with its limits — in all, and for this email — and records the order's use. Returns
   * the amount off; DISCOUNT_INVALID rolls the whole checkout back.
   */
  async redeem(raw: string, order: { id: string; email: string; subtotal: number }): Promise<{ code: string; amount: number }> {
    return this.tx.run(async (m) => {
      const found = await this.find(raw);
      const code = found
        ? await this.tx.lockForUpdate(m.createQueryBuilder(DiscountCode, "d").where("d.id = :id", { id: found.id })).getOne()
        : null;
      const problem = this.problem(code, order.subtotal);
      if (problem) throw discountInvalid(raw.trim(), problem.reason, problem.detail);
      const email = order.email.trim().toLowerCase();
      if (code!.perCustomerLimit !== null) {
        const mine = await m.countBy(DiscountRedemption, { codeId: code!.id, email });
        if (mine >= code!.perCustomerLimit) throw discountInvalid(raw.trim(), "ALREADY_USED");
      }
      await m.insert(DiscountRedemption, { codeId: code!.id, orderId: order.id, email });
      await m.update(DiscountCode, { id: code!.id }, { usedCount: () => "used_count + 1" });
      return { code: code!.code, amount: this.amountOff(code!, order.subtotal) };
    });
  }

  /** An order given up before it was paid gives its use back (in the caller's transaction; nothing if it had none). */
  async release(orderId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const use = await m.findOneBy(DiscountRedemption, { orderId });
      if (!use) return;
      await m.delete(DiscountRedemption, { id: use.id });
      await m.update(DiscountCode, { id: use.codeId }, { usedCount: () => "used_count - 1" });
    });
  }

  /** A demo's codes (those missing). */
  async loadDemo(
    codes: { code: string; kind: `${DiscountKind}`; value: number; perCustomerLimit?: number; startsAt?: Date; endsAt?: Date }[],
  ): Promise<void> {
    for (const demo of codes) {
      if (!(await this.find(demo.code))) await this.save(Object.assign(new DiscountCodeInput(), demo));
    }
  }

  // The owner's screens.

  list(): Promise<DiscountCode[]> {
    return this.tx.manager.find(DiscountCode, { order: { code: "ASC" } });
  }

  /** Uses per code: by paid orders, and by orders still waiting for payment. */
  async usage(codeIds: readonly number[]): Promise<Map<number, { paid: number; pending: number }>> {
    const result = new Map<number, { paid: number; pending: number }>(codeIds.map((id) => [id, { paid: 0, pending: 0 }]));
    if (!codeIds.length) return result;
    const rows: { code_id: number; pending: number | string; n: number | string }[] = await this.tx.manager
      .createQueryBuilder(DiscountRedemption, "r")
      .innerJoin("customer_order", "o", "o.id = r.order_id")
      .select("r.code_id", "code_id")
      .addSelect("CASE WHEN o.payment_status = 'PENDING' THEN 1 ELSE 0 END", "pending")
      .addSelect("COUNT(*)", "n")
      .where({ codeId: In([...codeIds]) })
      .groupBy("r.code_id")
      .addGroupBy("CASE WHEN o.payment_status = 'PENDING' THEN 1 ELSE 0 END")
      .getRawMany();
    for (const row of rows) {
      const entry = result.get(Number(row.code_id))!;
      if (Number(row.pending)) entry.pending += Number(row.n);
      else entry.paid += Number(row.n);
    }
    return result;
  }

  async save(input: DiscountCodeInput): Promise<DiscountCode> {
    const code = input.code.trim().toUpperCase();
    if (input.kind === DiscountKind.PERCENTAGE && (input.value < 1 || input.value > 100))
      throw badInput("value", "A percentage is from 1 to 100");
    return this.tx.run(async (m) => {
      const id = input.id ? parseId(input.id) : undefined;
      if (input.id && !id) throw notFound("Discount code", input.id);
      const clash = await m.findOneBy(DiscountCode, { code });
      if (clash && clash.id !== id) throw badInput("code", `There is already a code ${code}`);
      const stored = id ? await m.findOneBy(DiscountCode, { id }) : null;
      if (id && !stored) throw notFound("Discount code", input.id!);
      // On a change, what the input leaves out stays as it was (null clears it).
      const keep = <T>(given: T | null | undefined, was: T | null | undefined): T | null => (given === undefined ? (was ?? null) : given);
      const fields = {
        code,
        kind: input.kind,
        value: input.value,
        currency: this.currency,
        minSubtotalAmount: keep(input.minSubtotal, stored?.minSubtotalAmount),
        startsAt: keep(input.startsAt, stored?.startsAt),
        endsAt: keep(input.endsAt, stored?.endsAt),
        usageLimit: keep(input.usageLimit, stored?.usageLimit),
        perCustomerLimit: keep(input.perCustomerLimit, stored?.perCustomerLimit),
        active: input.active ?? stored?.active ?? true,
      };
      if (fields.startsAt && fields.endsAt && fields.endsAt <= fields.startsAt)
        throw badInput("endsAt", "The end must come after the start");
      if (id) {
        await m.update(DiscountCode, { id }, fields);
        return (await m.findOneBy(DiscountCode, { id }))!;
      }
      return m.save(DiscountCode, fields);
    });
  }

  /** Deletes a code no order used; one that was used is switched off instead (its orders keep its name). */
  async delete(id: string): Promise<boolean> {
    return this.tx.run(async (m) => {
      const codeId = parseId(id);
      // Locked, as checkouts lock it to take a use: one under way is seen (or waits for the delete).
      const code = codeId
        ? await this.tx.lockForUpdate(m.createQueryBuilder(DiscountCode, "d").where("d.id = :id", { id: codeId })).getOne()
        : null;
      if (!code) throw notFound("Discount code", id);
      if (await m.existsBy(DiscountRedemption, { codeId: code.id })) {
        throw badInput("id", `${code.code} was used by orders, so it can't be deleted; switch it off instead`);
      }
      await m.delete(DiscountCode, { id: code.id });
      return true;
    });
  }
}
