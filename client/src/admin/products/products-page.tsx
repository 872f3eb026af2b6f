import { useState } from "react";
import { Link } from "react-router";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { ProductImage } from "../../components/product-image";
import type { AdminProductsQuery, ProductStatus } from "../../graphql/graphql";
import { useAdminProductsQuery } from "../../graphql/op.AdminProducts";
import { count } from "../../lib/messages";

type Row = AdminProductsQuery["adminProducts"]["nodes"][number];

const columns: Column<Row>[] = [
  { header: "Picture", hiddenHeader: true, cell: (p) => <ProductImage image={p.images[0]} name={p.name} size="thumb" /> },
  { header: "Name", cell: (p) => <Link to={`/admin/products/${p.id}`}>{p.name}</Link> },
  { header: "SKU", cell: (p) => p.sku },
  { header: "Status", cell: (p) => p.status },
  { header: "Stock", numeric: true, cell: (p) => p.stock },
  { header: "Price", numeric: true, cell: (p) => <Price money={p.price} /> },
];

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
        <ListTable
          caption={count(products.totalCount, "product")}
          hiddenCaption
          columns={columns}
          rows={products.nodes}
          rowKey={(p) => p.id}
          more={
            products.pageInfo.hasNextPage ? { load: () => fetchMore({ variables: { after: products.pageInfo.endCursor } }) } : undefined
          }
        />
      )}
    </section>
  );
}
