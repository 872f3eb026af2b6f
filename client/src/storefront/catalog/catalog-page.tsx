import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { useProductsQuery } from "../../graphql/hooks";
import { ProductCard } from "./product-card";

const PAGE_SIZE = 12;

export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get("q")?.trim() ?? "";
  const [typed, setTyped] = useState(search);
  const [typedFor, setTypedFor] = useState(search);
  const [moreFailed, setMoreFailed] = useState(false);
  // The box follows the URL (Back, a link to ?q=): reset while rendering, not in an effect after it.
  if (typedFor !== search) {
    setTypedFor(search);
    setTyped(search);
  }
  usePageTitle(search ? `Search: ${search}` : "Shop");
  const { data, loading, error, fetchMore } = useProductsQuery({
    variables: { first: PAGE_SIZE, search: search || null },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const products = data?.products;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  };

  return (
    <section>
      <h1>{search ? `Results for “${search}”` : "Tea, teapots and kitchen goods"}</h1>
      <form role="search" className="search" onSubmit={submit}>
        <label htmlFor="search">Search products</label>
        <input id="search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="e.g. teapot" />
        <button type="submit">Search</button>
      </form>

      {error && !products && (
        <p className="error" role="alert">
          We couldn't load the catalog. Please try again in a moment.
        </p>
      )}
      {!products && loading && <p role="status">Loading products…</p>}
      {products && (
        <>
          <p className="muted" role="status">
            {products.totalCount === 0
              ? search
                ? `No products match “${search}”. Try another word.`
                : "The shop has no products yet."
              : `Showing ${products.nodes.length} of ${products.totalCount} products`}
          </p>
          <ul className="grid">
            {products.nodes.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </ul>
          {products.pageInfo.hasNextPage && (
            <button
              type="button"
              className="load-more"
              disabled={loading}
              onClick={() => {
                setMoreFailed(false);
                fetchMore({ variables: { after: products.pageInfo.endCursor } }).catch(() => setMoreFailed(true));
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
      )}
    </section>
  );
}
