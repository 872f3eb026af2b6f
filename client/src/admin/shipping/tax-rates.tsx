import { useRef, useState, type FormEvent } from "react";
import { ListTable, type Column } from "../../components/list-table";
import type { TaxRateFieldsFragment } from "../../graphql/graphql";
import { useDeleteTaxRateMutation } from "../../graphql/op.DeleteTaxRate";
import { useSaveTaxRateMutation } from "../../graphql/op.SaveTaxRate";
import { apiError } from "../../lib/errors";
import {
  EMPTY_TAX,
  rateText,
  readable,
  TAX_LABELS,
  taxFieldOf,
  taxFormToInput,
  taxPlace,
  taxToForm,
  type TaxField,
  type TaxForm,
} from "./shipping-form";
import { problemMessage } from "../../lib/messages";

type TaxRate = TaxRateFieldsFragment;

/** The shop's tax rates by country (and region): a table, and a form to add one or change one. */
export function TaxRates({ rates }: { rates: readonly TaxRate[] }) {
  const refetch = { refetchQueries: ["AdminShipping"], awaitRefetchQueries: true };
  const [save, saving] = useSaveTaxRateMutation(refetch);
  const [remove, removing] = useDeleteTaxRateMutation();
  const [editing, setEditing] = useState<TaxRate | null>(null);
  const [form, setForm] = useState<TaxForm>(EMPTY_TAX);
  const [problem, setProblem] = useState<{ field?: TaxField; message: string } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const countryInput = useRef<HTMLInputElement>(null);

  const set = (key: TaxField, value: string) => {
    setForm({ ...form, [key]: value });
    if (problem?.field === key) setProblem(null);
  };
  const startEdit = (rate: TaxRate) => {
    setEditing(rate);
    setForm(taxToForm(rate));
    setProblem(null);
    setNotice(null);
    countryInput.current?.focus();
  };
  const stopEditing = () => {
    setEditing(null);
    setForm(EMPTY_TAX);
    setProblem(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const read = taxFormToInput(form, editing?.id);
    if ("problem" in read) return setProblem(read.problem);
    setProblem(null);
    try {
      const result = await save({ variables: { input: read.input } });
      const saved = result.data!.saveTaxRate;
      setNotice({ ok: true, text: `Saved ${saved.name} ${rateText(saved.rateBps)} for ${taxPlace(saved)}.` });
      stopEditing();
    } catch (error) {
      const p = apiError(error)!;
      const field = p.code === "BAD_USER_INPUT" ? taxFieldOf(p.field) : undefined;
      setProblem({
        field,
        message:
          p.code === "BAD_USER_INPUT" || p.code === "NETWORK"
            ? readable(p.message, field === "rate" ? "rateBps" : field, { ...TAX_LABELS, rateBps: "Rate" })
            : `Saving failed: ${problemMessage(p)}`,
      });
    }
  };

  const deleteRate = async (rate: TaxRate) => {
    if (!window.confirm(`Delete the tax rate ${rate.name} ${rateText(rate.rateBps)} for ${taxPlace(rate)}?`)) return;
    setNotice(null);
    try {
      await remove({
        variables: { id: rate.id },
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: "TaxRate", id: rate.id }) });
          cache.gc();
        },
      });
      if (editing?.id === rate.id) stopEditing();
      setNotice({ ok: true, text: `Deleted the tax rate for ${taxPlace(rate)}.` });
    } catch (error) {
      setNotice({ ok: false, text: `The tax rate for ${taxPlace(rate)} can't be deleted: ${problemMessage(apiError(error)!)}` });
    }
  };

  const columns: Column<TaxRate>[] = [
    { header: "Country", cell: (t) => (t.country === "*" ? "Everywhere else (*)" : t.country) },
    { header: "Region", cell: (t) => t.region || <span className="muted">Whole country</span> },
    { header: "Name", cell: (t) => t.name },
    { header: "Rate", numeric: true, cell: (t) => rateText(t.rateBps) },
    {
      header: "Actions",
      hiddenHeader: true,
      cell: (t) => (
        <span className="row-actions">
          <button type="button" onClick={() => startEdit(t)} aria-label={`Edit tax rate ${taxPlace(t)}`}>
            Edit
          </button>
          <button type="button" onClick={() => deleteRate(t)} disabled={removing.loading} aria-label={`Delete tax rate ${taxPlace(t)}`}>
            Delete
          </button>
        </span>
      ),
    },
  ];

  const errorId = (key: TaxField) => `t-${key}-error`;
  const describedBy = (key: TaxField, hint?: boolean) =>
    [problem?.field === key && errorId(key), hint && `t-${key}-hint`].filter(Boolean).join(" ") || undefined;
  const field = (key: TaxField, label: string, hint: string, props: { inputMode?: "decimal" } = {}) => (
    <div className="field">
      <label htmlFor={`t-${key}`}>{label}</label>
      <input
        id={`t-${key}`}
        ref={key === "country" ? countryInput : undefined}
        value={form[key]}
        required={key !== "region"}
        aria-invalid={problem?.field === key || undefined}
        aria-describedby={describedBy(key, true)}
        onChange={(e) => set(key, e.target.value)}
        {...props}
      />
      {problem?.field === key && (
        <p className="field-error" id={errorId(key)} role="alert">
          {problem.message}
        </p>
      )}
      <p className="muted" id={`t-${key}-hint`}>
        {hint}
      </p>
    </div>
  );

  return (
    <>
      {notice && (
        <p className={notice.ok ? "ok" : "error"} role={notice.ok ? "status" : "alert"}>
          {notice.text}
        </p>
      )}
      <div className="two-cols">
        <div>
          {rates.length === 0 ? (
            <p>No tax rates: no tax is charged. Add a rate with the form.</p>
          ) : (
            <ListTable caption="Tax rates" hiddenCaption columns={columns} rows={rates} rowKey={(t) => t.id} />
          )}
          <p className="muted">
            A region's own rate (a state, a province) comes before its country's; “Everywhere else (*)” is for every country without its own
            rate.
          </p>
        </div>
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>{editing ? `Edit tax rate ${taxPlace(editing)}` : "New tax rate"}</legend>
            {field("country", "Country", "A two-letter code like DE, or * for every country without its own rate.")}
            {field("region", "Region (optional)", "A state or province with its own rate, like CA. Empty: the whole country.")}
            {field("name", "Name", "As shoppers see it with their total, like VAT or Sales tax.")}
            {field("rate", "Rate (%)", "In percent, like 19 or 7.25.", { inputMode: "decimal" })}
          </fieldset>
          {problem && !problem.field && (
            <p className="error" role="alert">
              {problem.message}
            </p>
          )}
          <div className="status-actions">
            <button type="submit" className="primary" disabled={saving.loading}>
              {editing ? "Save changes" : "Add tax rate"}
            </button>
            {editing && (
              <button type="button" onClick={stopEditing}>
                Cancel
              </button>
            )}
          </div>
        </form>
      </div>
    </>
  );
}
