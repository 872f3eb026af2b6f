import { useState, type FormEvent } from "react";
import type { AdminProductQuery } from "../../graphql/graphql";
import { useAdjustStockMutation } from "../../graphql/hooks";
import { apiError } from "../../lib/errors";

type Movement = AdminProductQuery["stockMovements"][number];

/** Stock adjustments (with the reason) and the product's movement history. */
export function StockPanel({ productId, stock, movements, onChanged }: { productId: string; stock: number; movements: Movement[]; onChanged: () => void }) {
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
      <table>
        <caption>Stock history</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
            <th scope="col">Then in stock</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {movements.map((m) => (
            <tr key={m.id}>
              <td>{new Date(m.createdAt).toLocaleString()}</td>
              <td>{m.delta > 0 ? `+${m.delta}` : m.delta}</td>
              <td>{m.reason}</td>
              <td>{m.resultingStock}</td>
              <td>{m.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
