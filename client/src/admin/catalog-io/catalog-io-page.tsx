import { useState, type FormEvent } from "react";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import { useImportProductsCsvMutation } from "../../graphql/hooks";
import { apiError } from "../../lib/errors";
import { CombinedGraphQLErrors } from "@apollo/client";

interface Problem {
  row: number;
  field: string;
  message: string;
}

const problemColumns: Column<Problem>[] = [
  { header: "Row", cell: (p) => p.row },
  { header: "Column", cell: (p) => p.field },
  { header: "Problem", cell: (p) => p.message },
];

export function CatalogIoPage() {
  usePageTitle("Import and export");
  const [csv, setCsv] = useState("");
  const [importCsv, { loading, data }] = useImportProductsCsvMutation();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    setMessage(null);
    try {
      await importCsv({ variables: { csv } });
    } catch (error) {
      const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
      setProblems((first?.extensions?.problems as Problem[] | undefined) ?? []);
      setMessage(apiError(error)?.message ?? "The import failed");
    }
  };

  return (
    <section>
      <h1>Import and export</h1>
      <h2>Download</h2>
      <p>
        <a className="button" href="/api/admin/export/products.csv" download>
          Catalog (CSV)
        </a>{" "}
        <a className="button" href="/api/admin/export/orders.csv" download>
          Orders (CSV)
        </a>
      </p>
      <h2>Import products</h2>
      <p className="muted">
        A CSV with the columns sku, name, description, price, stock (price like 25.99). Products are matched by SKU: new ones are created as
        active, existing ones updated. Every row is checked first; if any row has a problem, nothing is imported.
      </p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="csv-file">CSV file</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
          />
        </div>
        <div className="field">
          <label htmlFor="csv-text">Or paste the CSV</label>
          <textarea id="csv-text" rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={loading || !csv.trim()}>
          Import
        </button>
      </form>
      {data && !message && (
        <p className="ok" role="status">
          Imported: {data.importProductsCsv.created} created, {data.importProductsCsv.updated} updated.
        </p>
      )}
      {message && (
        <div className="error" role="alert">
          <p>{message}</p>
          {problems.length > 0 && (
            <ListTable
              caption="Problems in the file, by row"
              hiddenCaption
              columns={problemColumns}
              rows={problems.map((p, i) => ({ ...p, i }))}
              rowKey={(p) => String(p.i)}
            />
          )}
        </div>
      )}
    </section>
  );
}
