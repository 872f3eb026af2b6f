import { useApolloClient } from "@apollo/client/react";
import { useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { useResetPasswordMutation } from "../../graphql/op.ResetPassword";
import { AuthForm, NEW_PASSWORD_HINT } from "./auth-form";

/** Where the account page says the new password is set (router state). */
export interface PasswordResetState {
  passwordReset?: boolean;
}

/** A link that can't be used (used, expired, unknown or cut short): why, and the way to a fresh one. */
function UnusableLink({ message }: { message: string }) {
  return (
    <>
      <p className="error" role="alert">
        {message}
      </p>
      <p>
        <Link className="button primary" to="/forgot-password">
          Ask for a new link
        </Link>
      </p>
    </>
  );
}

function ResetForm({ token }: { token: string }) {
  const [resetPassword] = useResetPasswordMutation();
  const [unusable, setUnusable] = useState<string | null>(null);
  const client = useApolloClient();
  const navigate = useNavigate();
  if (unusable) return <UnusableLink message={unusable} />;
  return (
    <AuthForm
      submitLabel="Set new password"
      fields={[{ id: "password", label: "New password", type: "password", autoComplete: "new-password", hint: NEW_PASSWORD_HINT }]}
      submit={(v) => resetPassword({ variables: { input: { token, password: v.password } } })}
      explain={(problem) => {
        if (problem.code !== "RESET_LINK_INVALID") return undefined;
        setUnusable(problem.message);
        return null;
      }}
      onSuccess={async () => {
        // Signed in now: a fresh cache, as after signing in (the header, the cart).
        await client.resetStore().catch(() => undefined);
        navigate("/account", { state: { passwordReset: true } satisfies PasswordResetState });
      }}
    />
  );
}

/**
 * The emailed link, /reset-password#token=…: the token is in the fragment, which browsers never send to a
 * server (nor in a Referer), and is read here.
 */
export function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const token = new URLSearchParams(useLocation().hash.slice(1)).get("token");
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      {token ? (
        <ResetForm key={token} token={token} />
      ) : (
        <UnusableLink message="This link to reset your password is not complete. Open it from the email again, or ask for a new one." />
      )}
    </section>
  );
}
