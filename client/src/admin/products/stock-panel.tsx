import { useState, type FormEvent } from "react";
import { ListTable, type Column } from "../../components/list-table";
import type { AdminProductFieldsFragment, AdminProductQuery } from "../../graphql/graphql";
import { useAdjustStockMutation } from "../../graphql/op.AdjustStock";
import { apiError } from "../../lib/errors";
import { problemMessage } from "../../lib/messages";
import { FieldError, readable } from "./field-problem";

type Movements = AdminProductQuery["stockMovements"];
type Movement = Movements["nodes"][number];

const columns: Column<Movement>[] = [
  { header: "When", cell: (m) => new Date(m.createdAt).toLocaleString() },
  { header: "Variant", cell: (m) => m.variant?.title ?? <span className="muted">removed</span> },
  { header: "Change", numeric: true, cell: (m) => (m.delta > 0 ? `+${m.delta}` : m.delta) },
  {
    header: "Reason",
    cell: (m) => (m.orderNumber && !m.reason.includes(m.orderNumber) ? `${m.reason} (order ${m.orderNumber})` : m.reason),
  },
  { header: "Then in stock", numeric: true, cell: (m) => m.resultingStock },
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
  const [adjust, { loading, error, reset }] = useAdjustStockMutation();
  // What is wrong, at the field it is about (checked here first; the server's BAD_USER_INPUT names its field).
  const [problems, setProblems] = useState<{ variant?: string; delta?: string; reason?: string }>({});
  const hasOptions = variants.length > 0;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    const n = delta.trim() === "" ? NaN : Number(delta.trim());
    const found = {
      variant: hasOptions && !variantId ? "Choose the variant whose stock changes." : undefined,
      delta: !Number.isInteger(n) || n === 0 ? "Type a whole number of units other than 0, like 10 or -2." : undefined,
      reason: !reason.trim() ? "Say why, like “Delivery from supplier” or “Broken in the shop”." : undefined,
    };
    setProblems(found);
    const first = (["variant", "delta", "reason"] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(first === "variant" ? "stock-variant" : first)?.focus();
      return;
    }
    try {
      await adjust({ variables: { productId, variantId: hasOptions ? variantId : null, delta: n, reason } });
      setDelta("");
      setReason("");
      onChanged();
    } catch (failure) {
      const p = apiError(failure);
      if (p?.code === "BAD_USER_INPUT" && (p.field === "delta" || p.field === "reason")) {
        setProblems({ [p.field]: readable(p.message, p.field) });
        reset();
      }
    }
  };
  const invalid = (key: keyof typeof problems) =>
    problems[key] ? { "aria-invalid": true as const, "aria-describedby": `${key}-error` } : {};
  return (
    <section className="stock-panel">
      <h2>Stock</h2>
      <p>
        In stock: <strong data-testid="admin-stock">{stock}</strong>
      </p>
      <form className="filters" onSubmit={submit} noValidate>
        {hasOptions && (
          <div className="field">
            <label htmlFor="stock-variant">Variant</label>
            <select id="stock-variant" value={variantId} onChange={(e) => setVariantId(e.target.value)} {...invalid("variant")}>
              <option value="">Choose…</option>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title} ({v.stock} in stock)
                </option>
              ))}
            </select>
            <FieldError id="variant-error" message={problems.variant} />
          </div>
        )}
        <div className="field">
          <label htmlFor="delta">Change by (e.g. 10 or -2)</label>
          <input id="delta" inputMode="numeric" value={delta} onChange={(e) => setDelta(e.target.value)} {...invalid("delta")} />
          <FieldError id="delta-error" message={problems.delta} />
        </div>
        <div className="field">
          <label htmlFor="reason">Reason</label>
          <input
            id="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Delivery from supplier"
            {...invalid("reason")}
          />
          <FieldError id="reason-error" message={problems.reason} />
        </div>
        <button type="submit" disabled={loading}>
          Adjust stock
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {problemMessage(apiError(error)!)}
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
