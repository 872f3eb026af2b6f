import { renderEmail, subjectOf } from "./render";
import type { OrderMail } from "./email.types";

const address = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  line2: null,
  city: "London",
  region: null,
  postalCode: "SW1Y 4JH",
  country: "GB",
};
const order: OrderMail = {
  id: "8f0c3a2e-0000-4000-8000-000000000000",
  number: "SW-7K3F9QX",
  email: "ada@example.com",
  placedAt: "2026-12-06T15:13:00.000Z",
  currency: "USD",
  lines: [
    { name: "Kettle <steel>", sku: "KETTLE", quantity: 1, unitAmount: 4599, lineAmount: 4599 },
    { name: "Tea", sku: "TEA", quantity: 3, unitAmount: 999, lineAmount: 2997 },
  ],
  subtotal: 7596,
  shipping: 0,
  tax: 0,
  total: 7596,
  shippingAddress: address,
  billingAddress: address,
  payment: { method: "Bank transfer", instructions: "IBAN GB00 0000\nReference: your order number", paid: false },
  link: "https://shop.example/order/8f0c3a2e-0000-4000-8000-000000000000",
  adminLink: null,
};
const store = { name: "Tea & Co", address: "1 High Street, Bath BA1 1AA, United Kingdom" };

describe("email templates", () => {
  test("the order confirmation has the number, lines, totals, address and manual instructions in both parts, escaped", async () => {
    const { html, text } = renderEmail("ORDER_CONFIRMATION", order, store);
    expect(subjectOf("ORDER_CONFIRMATION", order, store)).toBe("Your order SW-7K3F9QX at Tea & Co");
    for (const part of [html, text]) {
      expect(part).toContain("SW-7K3F9QX");
      expect(part).toContain("$75.96");
      expect(part).toContain("$45.99");
      expect(part).toContain("IBAN GB00 0000");
      expect(part).toContain("United Kingdom");
      expect(part).toContain("1 High Street, Bath");
    }
    expect(html).toContain("Kettle &lt;steel&gt;");
    expect(html).not.toContain("<steel>");
    expect(text).toContain("Kettle <steel>");
    expect(text).toContain("December 6, 2026");
  });

  test("the confirmation shows the variant, the code's discount, the shipping method and the tax as charged", () => {
    const ranged: OrderMail = {
      ...order,
      lines: [
        { name: "Tea Club T-Shirt", variantTitle: "M / Blue", sku: "TEE-CLUB-M-BLUE", quantity: 1, unitAmount: 2400, lineAmount: 2400 },
      ],
      subtotal: 2400,
      discountCode: "WELCOME10",
      discount: 240,
      shipping: 1200,
      shippingMethod: "Standard (Europe)",
      tax: 410,
      taxLabel: "VAT 19%",
      total: 3770,
    };
    const { text } = renderEmail("ORDER_CONFIRMATION", ranged, store);
    expect(text).toContain("1 × Tea Club T-Shirt (M / Blue)");
    expect(text).toMatch(/Discount \(WELCOME10\)\s+−\$2\.40/);
    expect(text).toMatch(/Shipping: Standard \(Europe\)\s+\$12\.00/);
    expect(text).toMatch(/VAT 19%\s+\$4\.10/);
    expect(text).toMatch(/Total\s+\$37\.70/);
  });

  test("addresses are written as their country writes them", () => {
    const us = {
      ...address,
      name: "Homer",
      line1: "742 Evergreen Terrace",
      city: "Springfield",
      region: "IL",
      postalCode: "62701",
      country: "US",
    };
    const de = { ...address, name: "Ada", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117", country: "DE" };
    const { text } = renderEmail("ORDER_CONFIRMATION", { ...order, shippingAddress: us, billingAddress: de }, store);
    expect(text).toMatch(/742 Evergreen Terrace\s+Springfield, IL 62701\s+United States/);
    expect(text).toMatch(/Unter den Linden 1\s+10117 Berlin\s+Germany/);
    expect(renderEmail("ORDER_CONFIRMATION", order, store).text).toMatch(/12 St James's Square\s+London\s+SW1Y 4JH\s+United Kingdom/);
  });
});
