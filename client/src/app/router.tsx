import { createBrowserRouter } from "react-router";
import { ErrorPage } from "../components/error-page";
import { NotFound } from "../components/not-found";
import { CartPage } from "../storefront/cart/cart-page";
import { CatalogPage } from "../storefront/catalog/catalog-page";
import { CheckoutPage } from "../storefront/checkout/checkout-page";
import { OrderPage } from "../storefront/order/order-page";
import { ProductPage } from "../storefront/product/product-page";
import { Layout } from "./layout";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { path: "/", element: <CatalogPage /> },
      { path: "/product/:id", element: <ProductPage /> },
      { path: "/cart", element: <CartPage /> },
      { path: "/checkout", element: <CheckoutPage /> },
      { path: "/order/:id", element: <OrderPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
