import { useState, type FormEvent } from "react";
import { ListTable, type Column } from "../../components/list-table";
import type { AdminProductQuery } from "../../graphql/graphql";
import { useAdjustStockMutation } from "../../graphql/hooks";
import { apiError } from "../../lib/errors";

type Movements = AdminProductQuery["stockMovements"];
type Movement = Movements["nodes"][number];

const columns: Column<Movement>[] = [
  { header: "When", cell: (m) => new Date(m.createdAt).toLocaleString() },
  { header: "Change", cell: (m) => (m.delta > 0 ? `+${m.delta}` : m.delta) },
  {
    header: "Reason",
    cell: (m) => (m.orderNumber && !m.reason.includes(m.orderNumber) ? `${m.reason} (order ${m.orderNumber})` : m.reason),
  },
  { header: "Then in stock", cell: (m) => m.resultingStock },
  { header: "By", cell: (m) => m.actor },
];

/** Stock adjustments (with the reason) and the product's movement history. */
export function StockPanel({
  productId,
  stock,
  movements,
  loadMore,
  onChanged,
}: {
  productId: string;
  stock: number;
  movements: Movements | undefined;
  loadMore: (after: string) => Promise<unknown>;
  onChanged: () => void;
}) {
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const [adjust, { loading, error }] = useAdjustStockMutation();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(delta);
    if (!Number.isInteger(n) || n === 0 || !reason.trim()) return;
    try {
      await adjust({ variables: { productId, delta: n, reason } });
      setDelta("");
      setReason("");
      onChanged();
    } catch {
      /* shown below */
    }
  };
  return (
    <section>
      <h2>Stock</h2>
      <p>
        In stock: <strong data-testid="admin-stock">{stock}</strong>
      </p>
      <form className="filters" onSubmit={submit}>
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
      <ListTable
        caption="Stock history"
        columns={columns}
        rows={movements?.nodes ?? []}
        rowKey={(m) => m.id}
        more={
          movements?.pageInfo.hasNextPage ? { label: "Older movements", load: () => loadMore(movements.pageInfo.endCursor!) } : undefined
        }
      />
    </section>
  );
}
