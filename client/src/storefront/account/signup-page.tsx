import { Link } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { useRegisterMutation } from "../../graphql/op.Register";
import { AuthForm, NEW_PASSWORD_HINT } from "./auth-form";

export function SignupPage() {
  usePageTitle("Create an account");
  const [register] = useRegisterMutation();
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <AuthForm
        submitLabel="Create account"
        fields={[
          { id: "name", label: "Your name", type: "text", autoComplete: "name" },
          { id: "email", label: "Email", type: "email", autoComplete: "email" },
          {
            id: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: NEW_PASSWORD_HINT,
          },
        ]}
        submit={(v) => register({ variables: { input: { name: v.name, email: v.email, password: v.password } } })}
      >
        <p>
          Have an account? <Link to="/login">Sign in</Link>.
        </p>
      </AuthForm>
    </section>
  );
}
