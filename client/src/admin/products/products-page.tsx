import { useState } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { ProductImage } from "../../components/product-image";
import type { ProductStatus } from "../../graphql/graphql";
import { useAdminProductsQuery } from "../../graphql/hooks";

export function ProductsPage() {
  usePageTitle("Products");
  const [status, setStatus] = useState<ProductStatus | "">("");
  const [search, setSearch] = useState("");
  const { data, fetchMore } = useAdminProductsQuery({
    variables: { status: status || null, search: search || null, first: 50 },
    fetchPolicy: "cache-and-network",
  });
  const products = data?.adminProducts;
  return (
    <section>
      <h1>Products</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="product-search">Search</label>
          <input id="product-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or SKU" />
        </div>
        <div className="field">
          <label htmlFor="product-status">Status</label>
          <select id="product-status" value={status} onChange={(e) => setStatus(e.target.value as ProductStatus | "")}>
            <option value="">All</option>
            <option value="ACTIVE">Active</option>
            <option value="DRAFT">Draft</option>
            <option value="ARCHIVED">Archived</option>
          </select>
        </div>
        <Link className="button primary" to="/admin/products/new">
          New product
        </Link>
      </div>
      {!products ? (
        <p role="status">Loading…</p>
      ) : (
        <table>
          <caption className="sr-only">{products.totalCount} products</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Picture</span>
              </th>
              <th scope="col">Name</th>
              <th scope="col">SKU</th>
              <th scope="col">Status</th>
              <th scope="col">Stock</th>
              <th scope="col">Price</th>
            </tr>
          </thead>
          <tbody>
            {products.nodes.map((p) => (
              <tr key={p.id}>
                <td>
                  <ProductImage image={p.images[0]} name={p.name} size="thumb" />
                </td>
                <td>
                  <Link to={`/admin/products/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.sku}</td>
                <td>{p.status}</td>
                <td>{p.stock}</td>
                <td>
                  <Price money={p.price} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {products?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => fetchMore({ variables: { after: products.pageInfo.endCursor } })}>
          Load more
        </button>
      )}
    </section>
  );
}
