import { useApolloClient } from "@apollo/client/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { apiError } from "../../lib/errors";
import { fieldMessages, problemMessage } from "../../lib/messages";

/** The password rules (the server's: length, and not easy to guess), under every new-password field. */
export const NEW_PASSWORD_HINT = "8 to 128 characters, not easy to guess: a few unrelated words work well.";

export interface AuthField {
  id: string;
  label: string;
  type: string;
  autoComplete: string;
  hint?: string;
}

export type ApiProblem = NonNullable<ReturnType<typeof apiError>>;

/**
 * The account forms (sign in, sign up, forgot and reset password, change password): fields, an error (at the
 * field the server names, else under the form), and after success by default a fresh cache (the cart may have
 * been merged, the orders are someone else's) and a jump to ?next= or home.
 */
export function AuthForm({
  fields,
  submitLabel,
  submit,
  onSuccess,
  clearOnSuccess,
  explain,
  children,
}: {
  fields: AuthField[];
  submitLabel: string;
  submit: (values: Record<string, string>) => Promise<unknown>;
  /** Instead of the fresh cache and the jump: what the page does after success. */
  onSuccess?: (values: Record<string, string>) => void | Promise<void>;
  /** Empties the fields after success (e.g. passwords the page stays on). */
  clearOnSuccess?: boolean;
  /** An error the page explains its own way (an unusable link): what to show under the form; undefined for the usual message. */
  explain?: (problem: ApiProblem) => ReactNode | undefined;
  children?: ReactNode;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.id, ""])));
  const [error, setError] = useState<ReactNode>(null);
  // The server's BAD_USER_INPUT names the field (`extensions.field`): its message shows there.
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const explainProblem = (problem: ApiProblem) => {
    const own = explain?.(problem);
    if (own !== undefined) return setError(own);
    const field = fields.find((f) => f.id === problem.field);
    // "Invalid newPassword: newPassword must be…" reads "New password must be…".
    const message = problem.message
      .replace(/^Invalid \w+: /, "")
      .replace(/^(\w+) /, (words, name: string) => (field && name === field.id ? `${field.label} ` : words));
    if (problem.code === "BAD_USER_INPUT" && field) return setFieldError({ field: field.id, message });
    setError(problem.code === "BAD_USER_INPUT" ? message : problemMessage(problem));
  };

  /** The checks the browser can make before sending: said at the first field that fails them, which gets the focus. */
  const checkInBrowser = (): boolean => {
    for (const f of fields) {
      const value = values[f.id];
      const message =
        value.trim() === ""
          ? fieldMessages.required(f.label)
          : f.type === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
            ? fieldMessages.email
            : f.autoComplete === "new-password" && value.length < 8
              ? fieldMessages.passwordTooShort
              : f.autoComplete === "new-password" && value.length > 128
                ? fieldMessages.passwordTooLong
                : null;
      if (message) {
        setFieldError({ field: f.id, message });
        document.getElementById(f.id)?.focus();
        return false;
      }
    }
    return true;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFieldError(null);
    if (!checkInBrowser()) return;
    setBusy(true);
    try {
      await submit(values);
    } catch (e) {
      setBusy(false);
      explainProblem(apiError(e)!);
      return;
    }
    try {
      if (onSuccess) {
        if (clearOnSuccess) setValues(Object.fromEntries(fields.map((f) => [f.id, ""])));
        await onSuccess(values);
        return;
      }
      await client.resetStore().catch(() => undefined);
      const next = params.get("next");
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      {fields.map((f) => {
        const fieldMessage = fieldError?.field === f.id ? fieldError.message : null;
        const describedBy = [fieldMessage && `${f.id}-error`, f.hint && `${f.id}-hint`].filter(Boolean).join(" ");
        return (
          <div className="field" key={f.id}>
            <label htmlFor={f.id}>{f.label}</label>
            <input
              id={f.id}
              type={f.type}
              autoComplete={f.autoComplete}
              required
              value={values[f.id]}
              aria-invalid={fieldMessage ? true : undefined}
              aria-describedby={describedBy || undefined}
              onChange={(e) => {
                setValues({ ...values, [f.id]: e.target.value });
                if (fieldMessage) setFieldError(null);
              }}
            />
            {fieldMessage && (
              <p className="field-error" id={`${f.id}-error`} role="alert">
                {fieldMessage}
              </p>
            )}
            {f.hint && (
              <p className="muted" id={`${f.id}-hint`}>
                {f.hint}
              </p>
            )}
          </div>
        );
      })}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Please wait…" : submitLabel}
      </button>
      {children}
    </form>
  );
}
