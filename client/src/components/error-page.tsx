import { useRouteError } from "react-router";

/** Shown instead of a blank page when a page fails to render. */
export function ErrorPage() {
  const error = useRouteError();
  console.error(error);
  return (
    <section className="not-found" role="alert">
      <h1>Something went wrong</h1>
      <p>This page couldn't be shown. Your cart is safe; please try again.</p>
      <a className="button" href="/">
        Back to the shop
      </a>
    </section>
  );
}
