import { useState, type FormEvent } from "react";
import { ListTable, type Column } from "../../components/list-table";
import type { AdminProductFieldsFragment, AdminProductQuery } from "../../graphql/graphql";
import { useAdjustStockMutation } from "../../graphql/op.AdjustStock";
import { apiError } from "../../lib/errors";

type Movements = AdminProductQuery["stockMovements"];
type Movement = Movements["nodes"][number];

const columns: Column<Movement>[] = [
  { header: "When", cell: (m) => new Date(m.createdAt).toLocaleString() },
  { header: "Variant", cell: (m) => m.variant?.title ?? <span className="muted">removed</span> },
  { header: "Change", cell: (m) => (m.delta > 0 ? `+${m.delta}` : m.delta) },
  {
    header: "Reason",
    cell: (m) => (m.orderNumber && !m.reason.includes(m.orderNumber) ? `${m.reason} (order ${m.orderNumber})` : m.reason),
  },
  { header: "Then in stock", cell: (m) => m.resultingStock },
  { header: "By", cell: (m) => m.actor },
];

/**
 * Stock adjustments (with the reason) and the product's movement history. A product with options changes
 * one variant's stock at a time, chosen here; its history says whose stock moved.
 */
export function StockPanel({
  productId,
  stock,
  variants,
  movements,
  loadMore,
  onChanged,
}: {
  productId: string;
  stock: number;
  /** A product with options: its variants (none for a product sold in one form). */
  variants: readonly Pick<AdminProductFieldsFragment["variants"][number], "id" | "title" | "stock">[];
  movements: Movements | undefined;
  loadMore: (after: string) => Promise<unknown>;
  onChanged: () => void;
}) {
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const [variantId, setVariantId] = useState("");
  const [adjust, { loading, error }] = useAdjustStockMutation();
  const hasOptions = variants.length > 0;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(delta);
    if (!Number.isInteger(n) || n === 0 || !reason.trim() || (hasOptions && !variantId)) return;
    try {
      await adjust({ variables: { productId, variantId: hasOptions ? variantId : null, delta: n, reason } });
      setDelta("");
      setReason("");
      onChanged();
    } catch {
      /* shown below */
    }
  };
  return (
    <section className="stock-panel">
      <h2>Stock</h2>
      <p>
        In stock: <strong data-testid="admin-stock">{stock}</strong>
      </p>
      <form className="filters" onSubmit={submit}>
        {hasOptions && (
          <div className="field">
            <label htmlFor="stock-variant">Variant</label>
            <select id="stock-variant" value={variantId} onChange={(e) => setVariantId(e.target.value)} required>
              <option value="">Choose…</option>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title} ({v.stock} in stock)
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="delta">Change by (e.g. 10 or -2)</label>
          <input id="delta" inputMode="numeric" value={delta} onChange={(e) => setDelta(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="reason">Reason</label>
          <input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Delivery from supplier" required />
        </div>
        <button type="submit" disabled={loading}>
          Adjust stock
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {apiError(error)?.message}
        </p>
      )}
      {/* Focusable, so a keyboard can scroll it when it is wider than its column. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Stock history">
        <ListTable
          caption="Stock history"
          columns={hasOptions ? columns : columns.filter((c) => c.header !== "Variant")}
          rows={movements?.nodes ?? []}
          rowKey={(m) => m.id}
          more={
            movements?.pageInfo.hasNextPage ? { label: "Older movements", load: () => loadMore(movements.pageInfo.endCursor!) } : undefined
          }
        />
      </div>
    </section>
  );
}
