import { Link, NavLink, Route, Routes } from "react-router";
import { NotFound } from "../components/not-found";
import { useMeQuery } from "../graphql/op.Me";
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
import "./admin.css";

/** The owner's screens under /admin, in their own chunk: shoppers never download this code. */
export default function AdminApp() {
  const { data, loading } = useMeQuery();
  if (loading && !data) return <p role="status">Loading…</p>;
  if (data?.me?.role !== "ADMIN") {
    return (
      <section className="narrow">
        <h1>Shop admin</h1>
        <p>
          {data?.me
            ? "Your account can't open the admin. Sign in as the shop's owner."
            : "Sign in as the shop's owner to manage products and orders."}
        </p>
        <Link className="button primary" to="/login?next=/admin">
          Sign in
        </Link>
      </section>
    );
  }
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <NavLink to="/admin" end>
          Dashboard
        </NavLink>
        <NavLink to="/admin/products">Products</NavLink>
        <NavLink to="/admin/categories">Categories</NavLink>
        <NavLink to="/admin/orders">Orders</NavLink>
        <NavLink to="/admin/discounts">Discounts</NavLink>
        <NavLink to="/admin/shipping">Shipping &amp; tax</NavLink>
        <NavLink to="/admin/emails">Emails</NavLink>
        <NavLink to="/admin/import">Import &amp; export</NavLink>
      </nav>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="products/new" element={<ProductEditPage />} />
        <Route path="products/:id" element={<ProductEditPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<AdminOrderPage />} />
        <Route path="discounts" element={<DiscountsPage />} />
        <Route path="shipping" element={<ShippingPage />} />
        <Route path="emails" element={<EmailsPage />} />
        <Route path="import" element={<CatalogIoPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
