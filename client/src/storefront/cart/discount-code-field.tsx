import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { CartFieldsFragment } from "../../graphql/graphql";
import { useApplyDiscountCodeMutation } from "../../graphql/op.ApplyDiscountCode";
import { useRemoveDiscountCodeMutation } from "../../graphql/op.RemoveDiscountCode";
import { apiError } from "../../lib/errors";
import { formatMoney } from "../../lib/money";

type Props = { cart: Pick<CartFieldsFragment, "discountCode" | "discount" | "discountProblem"> };

/** The shop's words for a code it refused (DISCOUNT_INVALID's message is written for shoppers, so it is shown as is). */
function refusal(error: unknown): string {
  const e = apiError(error)!;
  if (e.code === "DISCOUNT_INVALID" || e.code === "NETWORK") return e.message;
  return "We couldn't check that code just now. Please try again in a moment.";
}

/**
 * A discount code for the cart (one per cart): typed and applied, or the applied one with a way to remove it.
 * Not a <form> of its own, since the checkout shows it inside its form: Enter applies the code instead of
 * placing the order. The buttons stay focusable (aria-disabled) while a change is on its way.
 */
export function DiscountCodeField({ cart }: Props) {
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [apply, applying] = useApplyDiscountCodeMutation();
  const [remove, removing] = useRemoveDiscountCodeMutation();
  const busy = applying.loading || removing.loading;
  const input = useRef<HTMLInputElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the field has changed shape (the button pressed is gone).
  const focusNext = useRef<"input" | "remove" | null>(null);
  useEffect(() => {
    if (focusNext.current === "remove") removeButton.current?.focus();
    if (focusNext.current === "input") input.current?.focus();
    focusNext.current = null;
  }, [cart.discountCode]);

  const submit = async () => {
    if (busy) return;
    const typed = code.trim();
    if (!typed) {
      setProblem("Enter a discount code");
      return;
    }
    setProblem(null);
    // Set before the answer: the cache (and so this field) changes before the promise settles.
    focusNext.current = "remove";
    try {
      await apply({ variables: { code: typed } });
      setCode("");
    } catch (error) {
      focusNext.current = null;
      setProblem(refusal(error));
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    void submit();
  };
  const removeCode = async () => {
    if (busy) return;
    setProblem(null);
    focusNext.current = "input";
    try {
      await remove();
    } catch (error) {
      focusNext.current = null;
      const e = apiError(error)!;
      setProblem(e.code === "NETWORK" ? e.message : "We couldn't remove the code just now. Please try again.");
    }
  };

  if (cart.discountCode) {
    return (
      <div className="discount-code">
        <div className="discount-applied">
          <p role="status">
            Discount code <strong data-testid="applied-code">{cart.discountCode}</strong> applied
            {cart.discount.amount > 0 && (
              <>
                : <span className="nowrap">−{formatMoney(cart.discount)}</span>
              </>
            )}
          </p>
          <button
            type="button"
            className="link-button inline"
            ref={removeButton}
            aria-label={`Remove discount code ${cart.discountCode}`}
            aria-disabled={busy}
            onClick={() => void removeCode()}
          >
            Remove
          </button>
        </div>
        {cart.discountProblem && (
          <p className="choice-note" data-testid="discount-problem">
            {cart.discountProblem}
          </p>
        )}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="discount-code field">
      <label htmlFor="discount-code">Discount code</label>
      <div className="inline-field">
        <input
          id="discount-code"
          ref={input}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "discount-code-error" : undefined}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" aria-disabled={busy} onClick={() => void submit()}>
          Apply
        </button>
      </div>
      {problem && (
        <p className="field-error" id="discount-code-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
