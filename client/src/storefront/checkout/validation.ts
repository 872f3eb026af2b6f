/** What the checkout form holds; every field is a string as typed. */
export interface AddressForm {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface CheckoutForm {
  email: string;
  shipping: AddressForm;
  billingSameAsShipping: boolean;
  billing: AddressForm;
}

/** Field path (e.g. "shipping.city") → message in plain language. */
export type FormErrors = Record<string, string>;

export const emptyAddress = (): AddressForm => ({ name: "", line1: "", line2: "", city: "", region: "", postalCode: "", country: "" });

// Deliberately simple: one @, something on both sides, a domain ending in 2+ letters. The server checks again.
const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

/** The server's limits (server/orders/order.inputs.ts), so nothing is refused after sending. */
const MAX: Record<keyof AddressForm, number> = { name: 100, line1: 200, line2: 200, city: 100, region: 100, postalCode: 20, country: 2 };

function checkAddress(prefix: string, a: AddressForm, errors: FormErrors, countries: ReadonlySet<string>): void {
  const required: [keyof AddressForm, string][] = [
    ["name", "Enter the full name"],
    ["line1", "Enter the street address"],
    ["city", "Enter the town or city"],
    ["postalCode", "Enter the postal code"],
  ];
  for (const [field, message] of required) {
    if (!a[field].trim()) errors[`${prefix}.${field}`] = message;
  }
  for (const field of Object.keys(MAX) as (keyof AddressForm)[]) {
    if (a[field].length > MAX[field] && !errors[`${prefix}.${field}`])
      errors[`${prefix}.${field}`] = `Use at most ${MAX[field]} characters`;
  }
  if (!countries.has(a.country)) errors[`${prefix}.country`] = "Choose a country";
}

/** Checks the form before anything is sent; an empty result means it may be submitted. */
export function validateCheckout(form: CheckoutForm, countries: ReadonlySet<string>): FormErrors {
  const errors: FormErrors = {};
  if (!form.email.trim()) errors.email = "Enter your email address";
  else if (!EMAIL.test(form.email.trim()) || form.email.trim().length > 254) errors.email = "Enter an email address like name@example.com";
  checkAddress("shipping", form.shipping, errors, countries);
  if (!form.billingSameAsShipping) checkAddress("billing", form.billing, errors, countries);
  return errors;
}

/** Maps the server's BAD_USER_INPUT field (e.g. "shippingAddress.postalCode") to the form's field path. */
export function formFieldFor(serverField: string | undefined): string | undefined {
  if (!serverField) return undefined;
  return serverField.replace(/^shippingAddress\./, "shipping.").replace(/^billingAddress\./, "billing.");
}
