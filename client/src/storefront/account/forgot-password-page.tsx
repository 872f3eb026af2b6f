import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { useRequestPasswordResetMutation } from "../../graphql/op.RequestPasswordReset";
import { AuthForm } from "./auth-form";

/**
 * "Forgot your password?": asks for a reset link. The answer is the same whether the email has an account or
 * not (the server never says), so the page can't say more than "if an account exists".
 */
export function ForgotPasswordPage() {
  usePageTitle("Forgot your password?");
  const [requestReset] = useRequestPasswordResetMutation();
  const [params] = useSearchParams();
  const query = params.toString() ? `?${params}` : "";
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sent = useRef<HTMLParagraphElement>(null);
  // The form (and the button that had focus) is gone: the message takes focus, so it is read out and found.
  useEffect(() => {
    if (sentTo !== null) sent.current?.focus();
  }, [sentTo]);

  return (
    <section className="narrow">
      <h1>Forgot your password?</h1>
      {sentTo !== null ? (
        <>
          <p className="success" role="status" tabIndex={-1} ref={sent}>
            If an account exists for <strong>{sentTo}</strong>, we've sent it a link to choose a new password. The link works for 1 hour.
          </p>
          <p className="muted">
            No email after a few minutes? Check your spam folder, or{" "}
            <button type="button" className="link-button inline" onClick={() => setSentTo(null)}>
              send another link
            </button>
            .
          </p>
          <p>
            <Link to={`/login${query}`}>Back to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <p>Enter the email you sign in with, and we'll send you a link to choose a new password.</p>
          <AuthForm
            submitLabel="Send reset link"
            fields={[{ id: "email", label: "Email", type: "email", autoComplete: "email" }]}
            submit={(v) => requestReset({ variables: { email: v.email.trim() } })}
            onSuccess={(v) => setSentTo(v.email.trim())}
          >
            <p>
              Remembered it? <Link to={`/login${query}`}>Sign in</Link>.
            </p>
          </AuthForm>
        </>
      )}
    </section>
  );
}
