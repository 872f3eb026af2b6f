import { Link, NavLink, Outlet, useLocation } from "react-router";
import { useCartQuery } from "../graphql/op.Cart";
import { useMeQuery } from "../graphql/op.Me";
import { usePaymentMethodsQuery } from "../graphql/op.PaymentMethods";
import { useFocusOnRouteChange } from "../lib/route-focus";
import { noun } from "../lib/messages";
import { useSignOut } from "../lib/use-sign-out";

function AccountLinks() {
  const { data } = useMeQuery();
  const signOut = useSignOut();
  const { pathname, search } = useLocation();
  const me = data?.me;
  if (!me) {
    // Signing in returns the shopper to the page they were on; from an account page, to where it was going.
    const accountPage = /^\/(login|signup|forgot-password|reset-password)$/.test(pathname);
    const next = accountPage ? search : pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return <NavLink to={`/login${next}`}>Sign in</NavLink>;
  }
  return (
    <>
      {me.role === "ADMIN" && <NavLink to="/admin">Admin</NavLink>}
      <NavLink to="/account/orders">My orders</NavLink>
      <button type="button" className="link-button" onClick={signOut}>
        Sign out
      </button>
    </>
  );
}

/** Says "test mode" only while test cards are all this store takes. */
function StoreMode() {
  const methods = usePaymentMethodsQuery().data?.paymentMethods;
  if (!methods) return null;
  const testOnly = methods.every((m) => m.kind === "TEST");
  return <p>{testOnly ? "Shopwright demo store · test mode: no real payments are taken" : "Powered by Shopwright"}</p>;
}

function CartBadge() {
  const { data } = useCartQuery();
  const count = data?.cart.totalQuantity ?? 0;
  return (
    // Read as "Cart 2 items": the visible words come first, as speech-input users say them.
    <NavLink to="/cart" className="cart-link">
      Cart{" "}
      <span className="badge" data-testid="cart-count">
        {count}
      </span>
      <span className="sr-only"> {noun(count, "item")}</span>
    </NavLink>
  );
}

export function Layout() {
  useFocusOnRouteChange();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Shopwright
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Shop
          </NavLink>
          <AccountLinks />
          <CartBadge />
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <StoreMode />
      </footer>
    </>
  );
}
