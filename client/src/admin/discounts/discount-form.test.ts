import { codeToForm, formToInput, fromLocalInput, toLocalInput, usage, EMPTY_CODE } from "./discount-form";

describe("the discount code form", () => {
  test("a datetime-local value is the browser's local time, and comes back the same", () => {
    const iso = fromLocalInput("2025-03-01T09:30");
    expect(iso).toBe(new Date(2025, 2, 1, 9, 30).toISOString());
    expect(toLocalInput(iso)).toBe("2025-03-01T09:30");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("next tuesday")).toBeUndefined();
  });

  test("a percentage is a whole number; an amount is money in minor units; empty limits are none", () => {
    expect(formToInput({ ...EMPTY_CODE, code: " spring10 ", value: "10%" }, "USD")).toEqual({
      input: {
        code: "spring10",
        kind: "PERCENTAGE",
        value: 10,
        minSubtotal: null,
        startsAt: null,
        endsAt: null,
        usageLimit: null,
        perCustomerLimit: null,
        active: true,
      },
    });
    const fixed = formToInput(
      { ...EMPTY_CODE, code: "FIVE", kind: "FIXED_AMOUNT", value: "5.00", minSubtotal: "40", usageLimit: "5" },
      "USD",
      "7",
    );
    expect(fixed).toMatchObject({ input: { id: "7", value: 500, minSubtotal: 4000, usageLimit: 5 } });
    // The range (1 to 100) is the server's to check; only the form of the number is checked here.
    expect(formToInput({ ...EMPTY_CODE, code: "X", value: "150" }, "USD")).toMatchObject({ input: { value: 150 } });
    expect(formToInput({ ...EMPTY_CODE, code: "X", value: "7.5" }, "USD")).toMatchObject({ problem: { field: "value" } });
    expect(formToInput({ ...EMPTY_CODE, code: "X", kind: "FIXED_AMOUNT", value: "five" }, "USD")).toMatchObject({
      problem: { field: "value" },
    });
    expect(formToInput({ ...EMPTY_CODE, code: "X", value: "10", usageLimit: "lots" }, "USD")).toMatchObject({
      problem: { field: "usageLimit" },
    });
  });

  test("a code as loaded fills the form, and its usage reads as the owner says it", () => {
    const code = {
      __typename: "DiscountCode" as const,
      id: "3",
      code: "FIVEOFF",
      kind: "FIXED_AMOUNT" as const,
      value: 500,
      minSubtotal: { __typename: "Money" as const, amount: 4000, currency: "USD" },
      startsAt: null,
      endsAt: null,
      usageLimit: 5,
      perCustomerLimit: null,
      active: false,
      timesUsed: 3,
      reserved: 1,
    };
    expect(codeToForm(code, "USD")).toMatchObject({
      value: "5.00",
      minSubtotal: "40.00",
      usageLimit: "5",
      perCustomerLimit: "",
      active: false,
    });
    expect(usage(code)).toBe("Used 3 of 5");
    expect(usage({ timesUsed: 2, usageLimit: null })).toBe("Used 2");
  });
});
