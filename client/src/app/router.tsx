import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { ErrorPage } from "../components/error-page";
import { NotFound } from "../components/not-found";
import { CartPage } from "../storefront/cart/cart-page";
import { CatalogPage } from "../storefront/catalog/catalog-page";
import { CategoryPage } from "../storefront/category/category-page";
import { CheckoutPage } from "../storefront/checkout/checkout-page";
import { OrderPage } from "../storefront/order/order-page";
import { ProductPage } from "../storefront/product/product-page";
import { AccountPage } from "../storefront/account/account-page";
import { ForgotPasswordPage } from "../storefront/account/forgot-password-page";
import { LoginPage } from "../storefront/account/login-page";
import { MyOrdersPage } from "../storefront/account/my-orders-page";
import { ResetPasswordPage } from "../storefront/account/reset-password-page";
import { SignupPage } from "../storefront/account/signup-page";
import { Layout } from "./layout";

// The owner's screens are a separate chunk, loaded only when /admin is opened.
const AdminApp = lazy(() => import("../admin/admin-app"));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { path: "/", element: <CatalogPage /> },
      { path: "/category/:slug", element: <CategoryPage /> },
      { path: "/product/:id", element: <ProductPage /> },
      { path: "/cart", element: <CartPage /> },
      { path: "/checkout", element: <CheckoutPage /> },
      { path: "/order/:id", element: <OrderPage /> },
      { path: "/login", element: <LoginPage /> },
      { path: "/signup", element: <SignupPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password", element: <ResetPasswordPage /> },
      { path: "/account", element: <AccountPage /> },
      { path: "/account/orders", element: <MyOrdersPage /> },
      {
        path: "/admin/*",
        element: (
          <Suspense fallback={<p role="status">Loading the admin…</p>}>
            <AdminApp />
          </Suspense>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
