import { Link, NavLink, Outlet } from "react-router";
import { useCartQuery } from "../graphql/hooks";

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
      <span className="sr-only">{count === 1 ? " item" : " items"}</span>
    </NavLink>
  );
}

export function Layout() {
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
          <NavLink to="/">Shop</NavLink>
          <CartBadge />
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Shopwright demo store · test mode: no real payments are taken</p>
      </footer>
    </>
  );
}
