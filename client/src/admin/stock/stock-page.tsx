import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import type { StockLevelsQuery } from "../../graphql/graphql";
import { useStockLevelsQuery } from "../../graphql/op.StockLevels";

type Row = StockLevelsQuery["lowStock"][number];

const columns: Column<Row>[] = [
  { header: "Product", cell: (p) => <Link to={`/admin/products/${p.id}`}>{p.name}</Link> },
  { header: "SKU", cell: (p) => p.sku },
  {
    header: "In stock",
    // A product with options: each variant, emptiest first ("Large / Blue: 0, Small / Blue: 12").
    cell: (p) =>
      p.options.length
        ? [...p.variants]
            .sort((a, b) => a.stock - b.stock)
            .map((v) => `${v.title}: ${v.stock}`)
            .join(", ")
        : p.stock,
  },
  { header: "Draft", hiddenHeader: true, cell: (p) => (p.status === "DRAFT" ? <span className="muted">Draft</span> : null) },
];

/** What is running low, emptiest first, at the store's threshold or one the owner types; each links to its stock panel. */
export function StockPage() {
  usePageTitle("Stock");
  const [threshold, setThreshold] = useState<number | null>(null);
  const [typed, setTyped] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { data, loading, error } = useStockLevelsQuery({ variables: { threshold }, fetchPolicy: "cache-and-network" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = typed.trim();
    if (value === "") return (setFieldError(null), setThreshold(null));
    if (!/^\d{1,6}$/.test(value)) return setFieldError("Type a whole number of units, like 5.");
    setFieldError(null);
    setThreshold(Number(value));
  };
  const rows = data?.lowStock;
  return (
    <section>
      <h1>Stock</h1>
      <p className="muted">
        Products on sale or in draft with a variant running low, emptiest first. To change a product's stock, open it: its Stock panel takes
        a delivery or a correction, with a reason.
      </p>
      <form className="filters" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="stock-threshold">Show at or below</label>
          <input
            id="stock-threshold"
            inputMode="numeric"
            value={typed}
            placeholder="the store's threshold"
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "stock-threshold-error" : undefined}
          />
          {fieldError && (
            <p className="field-error" id="stock-threshold-error">
              {fieldError}
            </p>
          )}
        </div>
        <button type="submit">Show</button>
      </form>
      {error && !rows ? (
        <p className="error" role="alert">
          We couldn't load the stock levels. Please try again in a moment.
        </p>
      ) : !rows ? (
        <p role="status">{loading ? "Loading…" : ""}</p>
      ) : rows.length === 0 ? (
        <p role="status">Nothing is running low.</p>
      ) : (
        <ListTable caption="Products running low, emptiest first" hiddenCaption columns={columns} rows={rows} rowKey={(p) => p.id} />
      )}
    </section>
  );
}
