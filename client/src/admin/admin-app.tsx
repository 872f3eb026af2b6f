import type { ReactNode } from "react";
import { Link, NavLink, Route, Routes } from "react-router";
import { NotFound } from "../components/not-found";
import { useMeQuery } from "../graphql/op.Me";
import { useFocusOnRouteChange } from "../lib/route-focus";
import { useSignOut } from "../lib/use-sign-out";
import { CatalogIoPage } from "./catalog-io/catalog-io-page";
import { CategoriesPage } from "./categories/categories-page";
import { DashboardPage } from "./dashboard/dashboard-page";
import { DiscountsPage } from "./discounts/discounts-page";
import { EmailsPage } from "./emails/emails-page";
import { AdminOrderPage } from "./orders/admin-order-page";
import { OrdersPage } from "./orders/orders-page";
import { ProductEditPage } from "./products/product-edit-page";
import { ProductsPage } from "./products/products-page";
import { ShippingPage } from "./shipping/shipping-page";
import { StockPage } from "./stock/stock-page";
import "./admin.css";

const SECTIONS: [path: string, label: string][] = [
  ["/admin", "Dashboard"],
  ["/admin/products", "Products"],
  ["/admin/categories", "Categories"],
  ["/admin/orders", "Orders"],
  ["/admin/stock", "Stock"],
  ["/admin/discounts", "Discounts"],
  ["/admin/shipping", "Shipping & tax"],
  ["/admin/emails", "Emails"],
  ["/admin/import", "Import & export"],
];

/** The admin's frame: its own header (the owner, View shop, Sign out) and navigation, not the shop's. */
function AdminShell({ owner, children }: { owner?: { email: string }; children: ReactNode }) {
  useFocusOnRouteChange();
  const signOut = useSignOut();
  return (
    <div className={owner ? "admin-shell" : "admin-shell signed-out"}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="admin-header">
        <Link to="/admin" className="brand">
          Shopwright <span className="brand-area">admin</span>
        </Link>
        <div className="admin-account">
          {owner && (
            <span className="admin-owner">
              <span className="sr-only">Signed in as </span>
              {owner.email}
            </span>
          )}
          <a href="/" target="_blank" rel="noopener">
            View shop<span className="sr-only"> (opens in a new tab)</span>
          </a>
          {owner && (
            <button type="button" className="link-button" onClick={signOut}>
              Sign out
            </button>
          )}
        </div>
      </header>
      {owner && (
        <nav className="admin-nav" aria-label="Admin">
          <ul>
            {SECTIONS.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === "/admin"}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1} className="admin-main">
        {children}
      </main>
    </div>
  );
}

/** The owner's screens under /admin, in their own chunk: shoppers never download this code. */
export default function AdminApp() {
  const { data, loading } = useMeQuery();
  const me = data?.me;
  if (loading && !data)
    return (
      <AdminShell>
        <p role="status">Loading…</p>
      </AdminShell>
    );
  if (me?.role !== "ADMIN") {
    return (
      <AdminShell>
        <section className="narrow">
          <h1>Shop admin</h1>
          <p>
            {me
              ? "Your account can't open the admin. Sign in as the shop's owner."
              : "Sign in as the shop's owner to manage products and orders."}
          </p>
          <Link className="button primary" to="/login?next=/admin">
            Sign in
          </Link>
        </section>
      </AdminShell>
    );
  }
  return (
    <AdminShell owner={me}>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="products/new" element={<ProductEditPage />} />
        <Route path="products/:id" element={<ProductEditPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<AdminOrderPage />} />
        <Route path="stock" element={<StockPage />} />
        <Route path="discounts" element={<DiscountsPage />} />
        <Route path="shipping" element={<ShippingPage />} />
        <Route path="emails" element={<EmailsPage />} />
        <Route path="import" element={<CatalogIoPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AdminShell>
  );
}
