import { usePageTitle } from "../../components/page-title";
import { useProductsQuery } from "../../graphql/op.Products";
import { CategoryNav } from "./category-nav";
import { PAGE_SIZE } from "./page-size";
import { ProductGrid } from "./product-grid";
import { SearchBox, useSearchTerm } from "./search-box";

export function CatalogPage() {
  const search = useSearchTerm();
  usePageTitle(search ? `Search: ${search}` : "Shop");
  const { data, loading, error, fetchMore } = useProductsQuery({
    variables: { first: PAGE_SIZE, search: search || null },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const products = data?.products;

  return (
    <section>
      <h1>{search ? `Results for “${search}”` : "Tea, teapots and kitchen goods"}</h1>
      <CategoryNav />
      <SearchBox label="Search products" />

      {error && !products && (
        <p className="error" role="alert">
          We couldn't load the catalog. Please try again in a moment.
        </p>
      )}
      {!products && loading && <p role="status">Loading products…</p>}
      {products && (
        <ProductGrid
          products={products}
          loading={loading}
          empty={search ? `No products match “${search}”. Try another word.` : "The shop has no products yet."}
          loadMore={(after) => fetchMore({ variables: { after, withCount: false } })}
        />
      )}
    </section>
  );
}
