import { useEffect, useRef, useState, type FormEvent } from "react";
import { useApolloClient } from "@apollo/client/react";
import { Link, useNavigate } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { CartDocument, useCartQuery } from "../../graphql/op.Cart";
import { useMeQuery } from "../../graphql/op.Me";
import { useOrderQuery } from "../../graphql/op.Order";
import { usePaymentMethodsQuery } from "../../graphql/op.PaymentMethods";
import { usePlaceOrderMutation } from "../../graphql/op.PlaceOrder";
import { apiError } from "../../lib/errors";
import { problemMessage } from "../../lib/messages";
import { randomId } from "../../lib/random-id";
import { Totals } from "../../components/totals";
import { hasOptions } from "../cart/cart-line-name";
import { DiscountCodeField } from "../cart/discount-code-field";
import { AddressFields } from "./address-fields";
import { ShippingMethods } from "./shipping-methods";
import { destinationOf, useShipping } from "./use-shipping";
import { COUNTRY_SET } from "./countries";
import { emptyAddress, formFieldFor, validateCheckout, type AddressForm, type CheckoutForm, type FormErrors } from "./validation";

const TEST_CARDS = [
  { token: "pm_card_visa", label: "Test card that succeeds (Visa)" },
  { token: "pm_card_chargeDeclined", label: "Test card that is declined" },
];

/** What to tell the shopper for each server error, and what they can do next. */
function problemText(problem: NonNullable<ReturnType<typeof apiError>>, marked: boolean): string {
  const { code, message } = problem;
  switch (code) {
    case "PAYMENT_DECLINED":
      return "Your card was declined, and you have not been charged. Choose another card and place the order again.";
    case "PAYMENT_UNAVAILABLE":
      return "The payment service can't be reached just now. Nothing was charged and your cart is as it was; please try again in a moment.";
    case "RATE_LIMITED":
      return `${problemMessage(problem)} Nothing was charged.`;
    // The same order key goes with the next try, so pressing Place order again never charges twice.
    case "DATABASE_BUSY":
      return "The shop is very busy just now. Please press Place order again in a moment; you won't be charged twice.";
    case "DATABASE_UNAVAILABLE":
      return "The shop can't reach its records just now. Please press Place order again in a moment; you won't be charged twice.";
    case "IDEMPOTENCY_KEY_REUSED":
      return "Your cart changed since you last pressed Place order. Check the summary, then place the order again.";
    // The server's words say what to do ("Only 3 of Teapot left; lower the quantity to continue"), once.
    case "OUT_OF_STOCK":
      return `${message}.`;
    // The code can't be used for this order (e.g. used up meanwhile, or already used with this email).
    case "DISCOUNT_INVALID":
      return `${message}. Nothing was charged and your cart is as it was: remove the code to order without it.`;
    case "NO_SHIPPING":
      return `${message}. Choose another country to place the order.`;
    case "CART_EMPTY":
      return "Your cart is empty, so there is nothing to order.";
    case "BAD_USER_INPUT":
      return marked ? "Please check the details marked above." : message;
    case "NETWORK":
      return problemMessage(problem);
    default:
      return "Something went wrong on our side and nothing was charged. Please try again.";
  }
}

const FORM_KEY = "shopwright-checkout-form";
/** The order whose hosted payment page the shopper was sent to (for Back from that page). */
const PENDING_KEY = "shopwright-pending-payment";

/** Back from a payment page without paying: the cart is set aside; offer to go back there or to cancel. */
function PendingPayment() {
  const id = sessionStorage.getItem(PENDING_KEY);
  const order = useOrderQuery({ variables: { id: id ?? "" }, skip: !id, fetchPolicy: "network-only" }).data?.order;
  if (!order || order.status !== "PENDING_PAYMENT" || !order.payment.redirectUrl) return null;
  return (
    <div className="notice" role="status">
      <p>
        Your order {order.number} is waiting for its payment. <a href={order.payment.redirectUrl}>Return to the payment page</a> or{" "}
        <Link to={`/cart?cancelled=${order.id}`}>cancel the payment and get your items back</Link>.
      </p>
    </div>
  );
}

function savedForm(): CheckoutForm | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(FORM_KEY) ?? "null") as CheckoutForm | null;
    return saved && typeof saved.email === "string" && saved.shipping && saved.billing ? saved : undefined;
  } catch {
    return undefined;
  }
}

const toInput = (a: AddressForm) => ({
  name: a.name.trim(),
  line1: a.line1.trim(),
  line2: a.line2.trim() || null,
  city: a.city.trim(),
  region: a.region.trim() || null,
  postalCode: a.postalCode.trim(),
  country: a.country,
});

export function CheckoutPage() {
  usePageTitle("Checkout");
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data, loading, refetch } = useCartQuery({ fetchPolicy: "cache-and-network" });
  // What the shopper typed survives a trip to the cart (e.g. to fix a quantity) and a reload of this tab.
  const [form, setForm] = useState<CheckoutForm>(
    () => savedForm() ?? { email: "", shipping: emptyAddress(), billingSameAsShipping: true, billing: emptyAddress() },
  );
  useEffect(() => sessionStorage.setItem(FORM_KEY, JSON.stringify(form)), [form]);
  // Shipping and tax follow the address: priced for a new country at once, for a region or postal code once left.
  const [destination, setDestination] = useState(() => destinationOf(form.shipping));
  const [placed, setPlaced] = useState(false);
  // A signed-in customer's email is filled in for them (they can still change it).
  const signedIn = useMeQuery().data;
  const me = signedIn?.me;
  const [prefilledFor, setPrefilledFor] = useState<string | null>(null);
  if (me?.email && prefilledFor !== me.email) {
    setPrefilledFor(me.email);
    setForm((f) => (f.email ? f : { ...f, email: me.email, shipping: { ...f.shipping, name: f.shipping.name || me.name } }));
  }
  const alertRef = useRef<HTMLDivElement>(null);
  const methods = usePaymentMethodsQuery().data?.paymentMethods;
  const [chosenMethod, setMethod] = useState<string | null>(null);
  const method = methods?.find((m) => m.id === chosenMethod) ?? methods?.[0];
  const [card, setCard] = useState(TEST_CARDS[0].token);
  const [errors, setErrors] = useState<FormErrors>({});
  // With the code the cart had then: a refused code's message goes once the code is removed or changed.
  const [problem, setProblem] = useState<{ code: string; text: string; discountCode?: string | null } | null>(null);
  // One key per checkout visit: a double click or a retry after a lost response returns the same order.
  const idempotencyKey = useRef(randomId());
  const [placeOrder, { loading: placing }] = usePlaceOrderMutation({ refetchQueries: [{ query: CartDocument }] });
  const cart = data?.cart;
  const shipping = useShipping(cart, destination);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  // Back from the payment page may show this page from the browser's cache, still "taking you" there.
  useEffect(() => {
    const shown = (e: PageTransitionEvent) => e.persisted && setPlaced(false);
    window.addEventListener("pageshow", shown);
    return () => window.removeEventListener("pageshow", shown);
  }, []);

  if (placed)
    return <p role="status">{method?.kind === "CARD_HOSTED" ? "Taking you to the payment page…" : "Taking you to your order…"}</p>;
  if (!cart && loading) return <p role="status">Loading…</p>;
  if (!cart || cart.lines.length === 0) {
    return (
      <section className="cart-empty">
        <h1>Checkout</h1>
        <PendingPayment />
        <p>Your cart is empty.</p>
        <Link className="button" to="/">
          Browse the catalog
        </Link>
      </section>
    );
  }

  // Products the owner took off sale since they were added: the order waits until they're removed.
  const retired = cart.lines.filter((l) => !l.available);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found = validateCheckout(form, COUNTRY_SET);
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(Object.keys(found)[0].replace(".", "-"))?.focus();
      return;
    }
    try {
      // The option shown as chosen, once the cart is priced for this address (else the server picks the cheapest).
      await shipping.settled();
      const now = client.readQuery({ query: CartDocument })?.cart ?? cart;
      const shippingOptionId = now.destination?.country === form.shipping.country ? (now.selectedShipping?.id ?? null) : null;
      const result = await placeOrder({
        variables: {
          input: {
            email: form.email.trim(),
            shippingAddress: toInput(form.shipping),
            billingAddress: form.billingSameAsShipping ? null : toInput(form.billing),
            payment: { provider: method!.id, token: method!.kind === "TEST" ? card : null },
            shippingOptionId,
            idempotencyKey: idempotencyKey.current,
          },
        },
      });
      if (result.data) {
        const order = result.data.placeOrder;
        setPlaced(true);
        sessionStorage.removeItem(FORM_KEY);
        // A hosted payment page: the shopper pays there and comes back to the order page.
        if (order.payment.redirectUrl) {
          sessionStorage.setItem(PENDING_KEY, order.id);
          window.location.assign(order.payment.redirectUrl);
        } else navigate(`/order/${order.id}`, { state: { placed: true } });
      }
    } catch (error) {
      const e = apiError(error)!;
      const field = formFieldFor(e.field);
      const marked = e.code === "BAD_USER_INPUT" && Boolean(field) && !field!.startsWith("payment");
      if (marked) setErrors({ [field!]: "Please check this" });
      // A new attempt gets a new key (the cart or details changed since the key was used).
      if (e.code === "IDEMPOTENCY_KEY_REUSED") idempotencyKey.current = randomId();
      // Said at the Country field, which gets the focus; Place order waits for another country.
      if (e.code === "NO_SHIPPING") {
        shipping.markRefused(form.shipping.country, e.message);
        document.getElementById("shipping-country")?.focus();
        return;
      }
      // The cart may say more now (e.g. the code is used up).
      if (e.code === "DISCOUNT_INVALID") refetch().catch(() => undefined);
      setProblem({ code: e.code, text: problemText(e, marked), discountCode: cart.discountCode });
    }
  };

  return (
    <section className="checkout">
      <h1>Checkout</h1>
      {signedIn && !me && (
        <p className="returning-customer">
          Have an account? <Link to="/login?next=/checkout">Sign in</Link> and come back here with your cart.
        </p>
      )}
      <form noValidate onSubmit={submit} className="checkout-form">
        <div className="checkout-fields">
          <fieldset>
            <legend>Contact</legend>
            <div className="field">
              <label htmlFor="email">Email</label>
              <input
                id="email"
                type="email"
                autoComplete="email"
                value={form.email}
                aria-invalid={errors.email ? true : undefined}
                aria-describedby={errors.email ? "email-error" : undefined}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
              {errors.email && (
                <p className="field-error" id="email-error">
                  {errors.email}
                </p>
              )}
            </div>
          </fieldset>
          <AddressFields
            prefix="shipping"
            legend="Shipping address"
            value={form.shipping}
            errors={errors}
            onChange={(address) => setForm({ ...form, shipping: address })}
            onCommit={(address) => setDestination(destinationOf(address))}
            countryAlert={shipping.refusedMessage}
          />
          <div className="field checkbox">
            <input
              id="billing-same"
              type="checkbox"
              checked={form.billingSameAsShipping}
              onChange={(e) => setForm({ ...form, billingSameAsShipping: e.target.checked })}
            />
            <label htmlFor="billing-same">Billing address is the same as shipping</label>
          </div>
          {!form.billingSameAsShipping && (
            <AddressFields
              prefix="billing"
              legend="Billing address"
              value={form.billing}
              errors={errors}
              onChange={(billing) => setForm({ ...form, billing })}
            />
          )}
          <ShippingMethods cart={cart} country={form.shipping.country} shipping={shipping} />
          <fieldset>
            <legend>Payment</legend>
            {methods?.length === 0 && (
              <p className="error" role="alert">
                This store isn't taking payments online yet, so orders can't be placed. Please contact the store.
              </p>
            )}
            {methods?.map((m) => (
              <div className="field radio" key={m.id}>
                <input
                  id={`method-${m.id}`}
                  type="radio"
                  name="method"
                  value={m.id}
                  checked={method?.id === m.id}
                  onChange={() => setMethod(m.id)}
                />
                <label htmlFor={`method-${m.id}`}>{m.name}</label>
              </div>
            ))}
            {method?.kind === "CARD_HOSTED" && (
              <p className="muted">You'll pay on a secure payment page, then come back here to your order confirmation.</p>
            )}
            {method?.kind === "MANUAL" && method.instructions && <p className="payment-instructions">{method.instructions}</p>}
            {method?.kind === "TEST" && (
              <fieldset className="test-cards">
                <legend>Test card</legend>
                <p className="test-mode">Test mode: no real payment is taken. Choose a test card.</p>
                {TEST_CARDS.map((c) => (
                  <div className="field radio" key={c.token}>
                    <input
                      id={`card-${c.token}`}
                      type="radio"
                      name="card"
                      value={c.token}
                      checked={card === c.token}
                      onChange={() => setCard(c.token)}
                    />
                    <label htmlFor={`card-${c.token}`}>{c.label}</label>
                  </div>
                ))}
              </fieldset>
            )}
          </fieldset>
        </div>
        <aside className="summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Order summary</h2>
          <ul>
            {cart.lines.map((line) => (
              <li key={line.id}>
                <span>
                  {line.quantity} × {line.product.name}
                  {hasOptions(line.variant) && <span className="variant-title">{line.variant.title}</span>}
                </span>{" "}
                <Price money={line.lineTotal} />
              </li>
            ))}
          </ul>
          <DiscountCodeField cart={cart} />
          <Totals amounts={cart} shippingName={cart.selectedShipping?.name} />
          {problem && !(problem.code === "DISCOUNT_INVALID" && problem.discountCode !== cart.discountCode) && (
            <div className="error" role="alert" data-code={problem.code} tabIndex={-1} ref={alertRef}>
              <p>{problem.text}</p>
              {problem.code === "OUT_OF_STOCK" && <Link to="/cart">Go to your cart</Link>}
            </div>
          )}
          {shipping.refusedMessage && <p className="muted">Choose a country we ship to, to place the order.</p>}
          {retired.length > 0 && (
            <p className="error" data-testid="retired-lines">
              {retired.map((l) => l.product.name).join(", ")} {retired.length === 1 ? "is" : "are"} no longer available.{" "}
              <Link to="/cart">Remove {retired.length === 1 ? "it" : "them"} from your cart</Link> to place the order.
            </p>
          )}
          <button type="submit" className="primary" disabled={placing || !method || Boolean(shipping.refusedMessage) || retired.length > 0}>
            {placing ? "Placing your order…" : method?.kind === "CARD_HOSTED" ? "Continue to payment" : "Place order"}
          </button>
        </aside>
      </form>
    </section>
  );
}
