import { useState } from "react";
import { Link, useLocation } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { useChangePasswordMutation } from "../../graphql/op.ChangePassword";
import { useMeQuery } from "../../graphql/op.Me";
import { AuthForm, NEW_PASSWORD_HINT } from "./auth-form";
import type { PasswordResetState } from "./reset-password-page";

function ChangePasswordForm() {
  const [changePassword] = useChangePasswordMutation();
  const [changed, setChanged] = useState(false);
  return (
    <>
      <AuthForm
        submitLabel="Change password"
        fields={[
          { id: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
          { id: "newPassword", label: "New password", type: "password", autoComplete: "new-password", hint: NEW_PASSWORD_HINT },
        ]}
        submit={(v) => {
          setChanged(false);
          return changePassword({ variables: { input: { currentPassword: v.currentPassword, newPassword: v.newPassword } } });
        }}
        clearOnSuccess
        onSuccess={() => setChanged(true)}
      />
      {changed && (
        <p className="success" role="status">
          Your password was changed. You're still signed in here; other devices were signed out.
        </p>
      )}
    </>
  );
}

/** The signed-in customer's account: who they are, their orders, and a new password. */
export function AccountPage() {
  usePageTitle("Your account");
  const { data, loading, error } = useMeQuery();
  const justReset = Boolean((useLocation().state as PasswordResetState | null)?.passwordReset);
  const me = data?.me;
  if (!me && loading) return <p role="status">Loading your account…</p>;
  if (!me && error) {
    return (
      <p className="error" role="alert">
        We couldn't load your account. Please try again in a moment.
      </p>
    );
  }
  if (!me) {
    return (
      <section className="narrow">
        <h1>Your account</h1>
        <p>
          <Link to="/login?next=/account">Sign in</Link> to see your account and change your password.
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Your account</h1>
      {justReset && (
        <p className="success" role="status">
          Your password was changed, and you're signed in.
        </p>
      )}
      <p>
        Signed in as <strong data-testid="account-email">{me.email}</strong>
        {me.name ? ` (${me.name})` : ""}.
      </p>
      <p>
        <Link to="/account/orders">My orders</Link>
      </p>
      <h2>Change password</h2>
      <ChangePasswordForm />
    </section>
  );
}
