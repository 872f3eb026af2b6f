import { useState } from "react";
import { useSearchParams } from "react-router";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import type { EmailKind, EmailMessageFieldsFragment, EmailStatus } from "../../graphql/graphql";
import { useAdminEmailsQuery } from "../../graphql/op.AdminEmails";
import { useResendEmailMutation } from "../../graphql/op.ResendEmail";
import { apiError } from "../../lib/errors";
import { OutboxWarnings } from "./outbox-warnings";
import { count, problemMessage } from "../../lib/messages";

/** The filter's choices (SENDING is a moment between PENDING and SENT: it shows under All). */
const FILTERS: { value: EmailStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  { value: "FAILED", label: "Failed" },
  { value: "PENDING", label: "Pending" },
  { value: "SENT", label: "Sent" },
];

const STATUS_LABEL: Record<EmailStatus, string> = {
  PENDING: "Pending",
  SENDING: "Sending",
  SENT: "Sent",
  FAILED: "Failed",
};

const KIND_LABEL: Record<EmailKind, string> = {
  ORDER_CONFIRMATION: "Order confirmation",
  NEW_ORDER_ALERT: "New order alert",
  ORDER_SHIPPED: "Order shipped",
  ORDER_CANCELLED: "Order cancelled",
  ORDER_REFUNDED: "Order refunded",
  PASSWORD_RESET: "Password reset link",
  PASSWORD_CHANGED: "Password changed",
};

const isFilter = (s: string | null): s is EmailStatus => FILTERS.some((f) => f.value && f.value === s);

function statusText(m: EmailMessageFieldsFragment): string {
  if (m.status === "SENT" && m.sentAt) return `Sent ${new Date(m.sentAt).toLocaleString()}`;
  if (m.status === "PENDING" && m.attempts > 0) return `Pending, next try ${new Date(m.nextAttemptAt).toLocaleString()}`;
  return STATUS_LABEL[m.status] ?? m.status;
}

/** The owner's view of the outbox: what went out, what waits, what failed (and sending it again). */
export function EmailsPage() {
  usePageTitle("Emails");
  const [params, setParams] = useSearchParams();
  const raw = params.get("status");
  const status = isFilter(raw) ? raw : "";
  const { data, loading, error, fetchMore } = useAdminEmailsQuery({
    variables: { status: status || null, first: 50 },
    fetchPolicy: "cache-and-network",
  });
  const [resend, resending] = useResendEmailMutation({ refetchQueries: ["AdminEmails"] });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const emails = data?.emails;

  const resendOne = async (m: EmailMessageFieldsFragment) => {
    setResult(null);
    try {
      await resend({ variables: { id: m.id } });
      setResult({ ok: true, text: `“${m.subject}” to ${m.to.join(", ")} will be sent again.` });
    } catch (e) {
      setResult({ ok: false, text: `“${m.subject}” can't be sent again: ${problemMessage(apiError(e)!)}` });
    }
  };

  const columns: Column<EmailMessageFieldsFragment>[] = [
    { header: "Created", cell: (m) => new Date(m.createdAt).toLocaleString() },
    { header: "To", cell: (m) => m.to.join(", ") },
    {
      header: "Subject",
      cell: (m) => (
        <>
          {m.subject}
          <br />
          <span className="muted">{KIND_LABEL[m.kind] ?? m.kind}</span>
        </>
      ),
    },
    { header: "Status", cell: (m) => <span data-testid="email-status">{statusText(m)}</span> },
    { header: "Attempts", numeric: true, cell: (m) => m.attempts },
    { header: "Last error", cell: (m) => m.lastError ?? "" },
    {
      header: "Actions",
      hiddenHeader: true,
      cell: (m) =>
        m.status === "FAILED" && (
          <button
            type="button"
            disabled={resending.loading}
            onClick={() => resendOne(m)}
            aria-label={`Resend “${m.subject}” to ${m.to.join(", ")}`}
          >
            Resend
          </button>
        ),
    },
  ];

  return (
    <section>
      <h1>Emails</h1>
      {data?.emailOutbox && <OutboxWarnings outbox={data.emailOutbox} linkFailed={status !== "FAILED"} />}
      <div className="filters">
        <div className="field">
          <label htmlFor="email-status">Status</label>
          <select
            id="email-status"
            value={status}
            onChange={(e) => {
              setResult(null);
              setParams(e.target.value ? { status: e.target.value } : {});
            }}
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {result && (
        <p className={result.ok ? "ok" : "error"} role={result.ok ? "status" : "alert"}>
          {result.text}
        </p>
      )}
      {!emails ? (
        loading ? (
          <p role="status">Loading…</p>
        ) : (
          <p className="error" role="alert">
            {problemMessage(apiError(error)!)}
          </p>
        )
      ) : emails.totalCount === 0 ? (
        <p>{status ? `No ${STATUS_LABEL[status].toLowerCase()} emails.` : "No emails yet."}</p>
      ) : (
        <ListTable
          caption={`${count(emails.totalCount, "email")}, newest first`}
          hiddenCaption
          columns={columns}
          rows={emails.nodes}
          rowKey={(m) => m.id}
          more={emails.pageInfo.hasNextPage ? { load: () => fetchMore({ variables: { after: emails.pageInfo.endCursor } }) } : undefined}
        />
      )}
    </section>
  );
}
