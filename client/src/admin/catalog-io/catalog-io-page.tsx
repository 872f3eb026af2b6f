import { useRef, useState, type FormEvent } from "react";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";

interface Problem {
  row: number;
  field: string;
  message: string;
}

interface ImportAnswer {
  created?: number;
  updated?: number;
  errors?: { message: string; extensions?: { problems?: Problem[] } }[];
}

/** Where the upload is: sending the file (with its share sent), the server importing it, or finished. */
type Phase = { step: "idle" } | { step: "uploading"; sent: number; total: number } | { step: "importing" };

const problemColumns: Column<Problem>[] = [
  { header: "Row", cell: (p) => p.row },
  { header: "Column", cell: (p) => p.field },
  { header: "Problem", cell: (p) => p.message },
];

/** Problems listed on the page at most (a file can have one per row); the message gives the count. */
const SHOWN_PROBLEMS = 200;

/**
 * Sends the CSV to the import route (POST /api/admin/import/products.csv, any size up to its limit), telling
 * how much of it is sent; resolves with the HTTP status and the answer.
 */
function uploadCsv(body: Blob | string, onSent: (sent: number, total: number) => void, onSentAll: () => void) {
  return new Promise<{ status: number; answer: ImportAnswer }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/admin/import/products.csv");
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onSent(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.upload.onload = onSentAll;
    xhr.onload = () => resolve({ status: xhr.status, answer: (xhr.response as ImportAnswer | null) ?? {} });
    xhr.onerror = () => reject(new Error("The upload failed: the server could not be reached"));
    xhr.send(body);
  });
}

export function CatalogIoPage() {
  usePageTitle("Import and export");
  const [csv, setCsv] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const busy = phase.step !== "idle";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    setMessage(null);
    setResult(null);
    setPhase({ step: "uploading", sent: 0, total: file?.size ?? csv.length });
    try {
      const { status, answer } = await uploadCsv(
        file ?? csv,
        (sent, total) => setPhase({ step: "uploading", sent, total }),
        () => setPhase({ step: "importing" }),
      );
      if (status === 200 && typeof answer.created === "number") {
        setResult({ created: answer.created, updated: answer.updated ?? 0 });
      } else {
        const first = answer.errors?.[0];
        setProblems(first?.extensions?.problems ?? []);
        setMessage(status === 413 ? "The file is too large to import (64 MB at most)" : (first?.message ?? "The import failed"));
      }
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setPhase({ step: "idle" });
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
        A CSV with the columns sku, name, description, price, stock (price like 25.99), and optionally categories, product_sku and options
        as the catalog download has them. Products are matched by SKU: new ones are created as active, existing ones updated. Every row is
        checked first; if any row has a problem, nothing is imported. Files of 100,000 products are fine.
      </p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="csv-file">CSV file</label>
          <input
            id="csv-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor="csv-text">Or paste the CSV</label>
          <textarea id="csv-text" rows={6} value={csv} disabled={busy || file !== null} onChange={(e) => setCsv(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={busy || (!file && !csv.trim())}>
          Import
        </button>{" "}
        {file && !busy && (
          <button
            type="button"
            onClick={() => {
              setFile(null);
              if (fileInput.current) fileInput.current.value = "";
            }}
          >
            Clear file
          </button>
        )}
      </form>
      <div role="status" aria-live="polite">
        {phase.step === "uploading" && (
          <p>
            <label htmlFor="csv-upload-progress">Uploading… </label>
            <progress id="csv-upload-progress" max={phase.total || 1} value={phase.sent} />{" "}
            {phase.total ? `${Math.floor((100 * phase.sent) / phase.total)}%` : ""}
          </p>
        )}
        {phase.step === "importing" && <p>Importing… (a big file takes a minute)</p>}
        {result && !message && (
          <p className="ok">
            Imported: {result.created.toLocaleString("en")} created, {result.updated.toLocaleString("en")} updated.
          </p>
        )}
      </div>
      {message && (
        <div className="error" role="alert">
          <p>{message}</p>
          {problems.length > SHOWN_PROBLEMS && (
            <p>
              The first {SHOWN_PROBLEMS} of {problems.length.toLocaleString("en")} problems:
            </p>
          )}
          {problems.length > 0 && (
            <ListTable
              caption="Problems in the file, by row"
              hiddenCaption
              columns={problemColumns}
              rows={problems.slice(0, SHOWN_PROBLEMS).map((p, i) => ({ ...p, i }))}
              rowKey={(p) => String(p.i)}
            />
          )}
        </div>
      )}
    </section>
  );
}
