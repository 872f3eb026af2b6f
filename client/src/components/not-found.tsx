import { useEffect } from "react";
import { Link } from "react-router";

/** A friendly dead end with a way back. */
export function NotFound({ title = "Page not found", children }: { title?: string; children?: React.ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Shopwright`;
  }, [title]);
  return (
    <section className="not-found">
      <h1>{title}</h1>
      <p>{children ?? "We couldn't find what you were looking for. It may have moved, or the link may be mistyped."}</p>
      <Link className="button" to="/">
        Back to the shop
      </Link>
    </section>
  );
}
