import { emptyAddress, formFieldFor, validateCheckout, type CheckoutForm } from "./validation";

const countries = new Set(["US", "GB", "DE"]);
const good = (): CheckoutForm => ({
  email: "ada@example.com",
  shipping: { ...emptyAddress(), name: "Ada", line1: "1 Square", city: "London", postalCode: "SW1", country: "GB" },
  billingSameAsShipping: true,
  billing: emptyAddress(),
});

describe("checkout form validation", () => {
  test("a complete form has no errors", () => {
    expect(validateCheckout(good(), countries)).toEqual({});
  });

  test("missing or blank fields get a plain-language message each", () => {
    const form = good();
    form.email = "";
    form.shipping.city = "   ";
    form.shipping.country = "";
    expect(validateCheckout(form, countries)).toEqual({
      email: "Enter your email address",
      "shipping.city": "Enter the town or city",
      "shipping.country": "Choose a country",
    });
  });

  test("an email without a proper domain is refused", () => {
    expect(validateCheckout({ ...good(), email: "ada@example" }, countries).email).toMatch(/like name@example.com/);
    expect(validateCheckout({ ...good(), email: "ada@example.c" }, countries).email).toMatch(/like name@example.com/);
  });

  test("fields longer than the server accepts are refused before sending", () => {
    const form = good();
    form.shipping.name = "x".repeat(101);
    form.shipping.postalCode = "1".repeat(21);
    expect(validateCheckout(form, countries)).toEqual({
      "shipping.name": "Use at most 100 characters",
      "shipping.postalCode": "Use at most 20 characters",
    });
  });

  test("the billing address is only checked when it differs from shipping", () => {
    const form = good();
    expect(validateCheckout(form, countries)).toEqual({});
    form.billingSameAsShipping = false;
    expect(Object.keys(validateCheckout(form, countries)).sort()).toEqual([
      "billing.city",
      "billing.country",
      "billing.line1",
      "billing.name",
      "billing.postalCode",
    ]);
  });

  test("server field names map onto the form's fields", () => {
    expect(formFieldFor("shippingAddress.postalCode")).toBe("shipping.postalCode");
    expect(formFieldFor("billingAddress.name")).toBe("billing.name");
    expect(formFieldFor("email")).toBe("email");
    expect(formFieldFor(undefined)).toBeUndefined();
  });
});
