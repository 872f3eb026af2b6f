import { useState } from "react";
import type { ProductCardPageFragment } from "../../graphql/graphql";
import { ProductCard } from "./product-card";
import { count } from "../../lib/messages";

/**
 * A page of products as the shop shows them (the catalog, a category): how many, the cards, and "Load more"
 * that says when it failed.
 */
export function ProductGrid({
  products,
  loading,
  empty,
  loadMore,
}: {
  products: ProductCardPageFragment;
  loading: boolean;
  /** What to say when nothing matches. */
  empty: string;
  loadMore: (after: string) => Promise<unknown>;
}) {
  const [moreFailed, setMoreFailed] = useState(false);
  return (
    <>
      <p className="muted" role="status">
        {products.totalCount === 0
          ? empty
          : products.totalCount === undefined
            ? `Showing ${count(products.nodes.length, "product")}`
            : `Showing ${products.nodes.length.toLocaleString("en")} of ${count(products.totalCount, "product")}`}
      </p>
      <ul className="grid">
        {products.nodes.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </ul>
      {products.pageInfo.hasNextPage && products.pageInfo.endCursor && (
        <button
          type="button"
          className="load-more"
          disabled={loading}
          onClick={() => {
            setMoreFailed(false);
            loadMore(products.pageInfo.endCursor!).catch(() => setMoreFailed(true));
          }}
        >
          {loading ? "Loading…" : "Load more"}
        </button>
      )}
      {moreFailed && (
        <p className="error" role="alert">
          We couldn't load more products. Check your connection and try again.
        </p>
      )}
    </>
  );
}
