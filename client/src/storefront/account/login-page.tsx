import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { useLoginMutation } from "../../graphql/op.Login";
import { AuthForm } from "./auth-form";

export function LoginPage() {
  usePageTitle("Sign in");
  const [login] = useLoginMutation();
  const [params] = useSearchParams();
  // ?next= goes along, so signing in after all still ends where the shopper was going.
  const query = params.toString() ? `?${params}` : "";
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <AuthForm
        submitLabel="Sign in"
        fields={[
          { id: "email", label: "Email", type: "email", autoComplete: "email" },
          { id: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
        submit={(v) => login({ variables: { email: v.email, password: v.password } })}
      >
        <p>
          <Link to={`/forgot-password${query}`}>Forgot your password?</Link>
        </p>
        <p>
          New here? <Link to={`/signup${query}`}>Create an account</Link>. You can also check out as a guest.
        </p>
      </AuthForm>
    </section>
  );
}
