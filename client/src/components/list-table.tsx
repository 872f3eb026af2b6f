import { useState, type ReactNode } from "react";

export interface Column<T> {
  header: string;
  /** Shown to screen readers only (e.g. a picture column). */
  hiddenHeader?: boolean;
  /** An amount or a count: aligned right. */
  numeric?: boolean;
  cell: (row: T) => ReactNode;
}

interface ListTableProps<T> {
  caption: string;
  /** The caption is for screen readers only (the page's heading already says what the table is). */
  hiddenCaption?: boolean;
  className?: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Next page, when the list has one: a "Load more" button that says when it failed. */
  more?: { label?: string; load: () => Promise<unknown> };
}

/** The admin's and the account's lists: a captioned table, and "Load more" for paged lists. */
export function ListTable<T>({ caption, hiddenCaption, className, columns, rows, rowKey, more }: ListTableProps<T>) {
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const loadMore = () => {
    if (!more) return;
    setLoading(true);
    setFailed(false);
    more
      .load()
      .catch(() => setFailed(true))
      .finally(() => setLoading(false));
  };
  return (
    <>
      {/* On a phone each row stacks into a card, each cell named by its column (see .list-table in styles.css);
          the explicit roles keep it a table for screen readers when its parts are laid out as blocks. */}
      <table className={className ? `list-table ${className}` : "list-table"} role="table">
        <caption className={hiddenCaption ? "sr-only" : undefined}>{caption}</caption>
        <thead>
          <tr role="row">
            {columns.map((c) => (
              <th key={c.header} scope="col" role="columnheader" className={c.numeric ? "num" : undefined}>
                {c.hiddenHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((c) => (
                <td key={c.header} role="cell" data-label={c.hiddenHeader ? undefined : c.header} className={c.numeric ? "num" : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {more && (
        <button type="button" className="load-more" disabled={loading} onClick={loadMore}>
          {loading ? "Loading…" : (more.label ?? "Load more")}
        </button>
      )}
      {failed && (
        <p className="error" role="alert">
          We couldn't load more. Check your connection and try again.
        </p>
      )}
    </>
  );
}
