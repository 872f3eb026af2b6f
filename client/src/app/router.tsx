import { lazy, Suspense, type ComponentType } from "react";
import { BrowserRouter, Outlet, Route, Routes, useLocation } from "react-router";
import { ErrorBoundary } from "../components/error-page";
import { NotFound } from "../components/not-found";
import { CatalogPage } from "../storefront/catalog/catalog-page";
import { CategoryPage } from "../storefront/category/category-page";
import { ProductPage } from "../storefront/product/product-page";
import { Layout } from "./layout";

// The first load carries what a shopper lands on (the catalog, a category, a product) and the header. Every
// other page is its own chunk, fetched when it is first opened; the owner's screens are one chunk under /admin.
// Plain <Routes> rather than a data router (createBrowserRouter): the store uses no loaders or actions, and
// the data router's machinery is about a third of the first load's JavaScript.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const CartPage = page(() => import("../storefront/cart/cart-page"), "CartPage");
const CheckoutPage = page(() => import("../storefront/checkout/checkout-page"), "CheckoutPage");
const OrderPage = page(() => import("../storefront/order/order-page"), "OrderPage");
const LoginPage = page(() => import("../storefront/account/login-page"), "LoginPage");
const SignupPage = page(() => import("../storefront/account/signup-page"), "SignupPage");
const ForgotPasswordPage = page(() => import("../storefront/account/forgot-password-page"), "ForgotPasswordPage");
const ResetPasswordPage = page(() => import("../storefront/account/reset-password-page"), "ResetPasswordPage");
const AccountPage = page(() => import("../storefront/account/account-page"), "AccountPage");
const MyOrdersPage = page(() => import("../storefront/account/my-orders-page"), "MyOrdersPage");
const AdminApp = lazy(() => import("../admin/admin-app"));

const loading = (what: string) => (
  <p role="status" className="page-loading">
    Loading {what}…
  </p>
);

function Pages() {
  // A page that failed to render is left behind on the next navigation.
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/" element={<CatalogPage />} />
          <Route path="/category/:slug" element={<CategoryPage />} />
          <Route path="/product/:id" element={<ProductPage />} />
          <Route
            element={
              <Suspense fallback={loading("the page")}>
                <Outlet />
              </Suspense>
            }
          >
            <Route path="/cart" element={<CartPage />} />
            <Route path="/checkout" element={<CheckoutPage />} />
            <Route path="/order/:id" element={<OrderPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/signup" element={<SignupPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/account/orders" element={<MyOrdersPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
        {/* The owner's screens have their own shell (navigation, account), not the shop's header and footer. */}
        <Route
          path="/admin/*"
          element={
            <Suspense fallback={<main id="main">{loading("the admin")}</main>}>
              <AdminApp />
            </Suspense>
          }
        />
      </Routes>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Pages />
    </BrowserRouter>
  );
}
