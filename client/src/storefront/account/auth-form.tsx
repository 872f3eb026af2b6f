import { useApolloClient } from "@apollo/client/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { apiError } from "../../lib/errors";

export interface AuthField {
  id: string;
  label: string;
  type: string;
  autoComplete: string;
  hint?: string;
}

/**
 * The sign-in and sign-up form: fields, an error (at the field the server names, else under the form), and
 * after success a fresh cache (the cart may have been merged, the orders are someone else's) and a jump to
 * ?next= or home.
 */
export function AuthForm({
  fields,
  submitLabel,
  submit,
  children,
}: {
  fields: AuthField[];
  submitLabel: string;
  submit: (values: Record<string, string>) => Promise<unknown>;
  children?: ReactNode;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.id, ""])));
  const [error, setError] = useState<string | null>(null);
  // The server's BAD_USER_INPUT names the field (`extensions.field`): its message shows there.
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await submit(values);
      await client.resetStore().catch(() => undefined);
      const next = params.get("next");
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
    } catch (e) {
      const problem = apiError(e)!;
      const message = problem.message.replace(/^Invalid \w+: /, "");
      if (problem.code === "BAD_USER_INPUT" && fields.some((f) => f.id === problem.field)) {
        setFieldError({ field: problem.field!, message });
        return;
      }
      setError(
        problem.code === "INVALID_CREDENTIALS"
          ? "That email and password don't match an account."
          : problem.code === "RATE_LIMITED"
            ? problem.message
            : problem.code === "BAD_USER_INPUT"
              ? message
              : "Something went wrong. Please try again.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="auth-form" onSubmit={onSubmit}>
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
