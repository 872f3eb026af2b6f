import { useRef, useState, type FormEvent } from "react";
import { ListTable, type Column } from "../../components/list-table";
import { usePageTitle } from "../../components/page-title";
import type { DiscountCodeFieldsFragment, DiscountKind } from "../../graphql/graphql";
import { useAdminDiscountCodesQuery } from "../../graphql/op.AdminDiscountCodes";
import { useDeleteDiscountCodeMutation } from "../../graphql/op.DeleteDiscountCode";
import { useSaveDiscountCodeMutation } from "../../graphql/op.SaveDiscountCode";
import { apiError } from "../../lib/errors";
import { moneyInputValue } from "../../lib/money";
import {
  codeLabel,
  codeToForm,
  codeToInput,
  conditions,
  EMPTY_CODE,
  formToInput,
  isCodeField,
  readableCodeProblem,
  takesOff,
  usage,
  type CodeField,
  type CodeForm,
  type CodeProblem,
} from "./discount-form";
import { problemMessage } from "../../lib/messages";

type Code = DiscountCodeFieldsFragment;

/** A message above the list; a used code that can't be deleted comes with a button to switch it off. */
interface Notice {
  ok: boolean;
  text: string;
  switchOff?: Code;
}

/** The owner's discount codes: what each takes off, on what conditions, how much it was used; a form to add or change one. */
export function DiscountsPage() {
  usePageTitle("Discounts");
  const { data, loading, error } = useAdminDiscountCodesQuery({ fetchPolicy: "cache-and-network" });
  const refetch = { refetchQueries: ["AdminDiscountCodes"], awaitRefetchQueries: true };
  const [save, saving] = useSaveDiscountCodeMutation(refetch);
  const [remove, removing] = useDeleteDiscountCodeMutation();
  const [editing, setEditing] = useState<Code | null>(null);
  const [form, setForm] = useState<CodeForm>(EMPTY_CODE);
  // The server's BAD_USER_INPUT names the field (`extensions.field`): its message shows there, else under the form.
  const [problem, setProblem] = useState<CodeProblem | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const codes = data?.discountCodes;
  const currency = data?.shop.currency ?? "";
  const label = (field: CodeField) => codeLabel(field, form.kind, currency);

  const set = <K extends CodeField>(key: K, value: CodeForm[K]) => {
    setForm({ ...form, [key]: value });
    if (problem?.field === key || (key === "kind" && problem?.field === "value")) setProblem(null);
  };

  const startEdit = (code: Code) => {
    setEditing(code);
    setForm(codeToForm(code, currency));
    setProblem(null);
    setNotice(null);
    codeInput.current?.focus();
  };

  const stopEditing = () => {
    setEditing(null);
    setForm(EMPTY_CODE);
    setProblem(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!currency) return setProblem({ message: "Still loading; try again in a moment" });
    const read = formToInput(form, currency, editing?.id);
    if ("problem" in read) return setProblem(read.problem);
    setProblem(null);
    try {
      const result = await save({ variables: { input: read.input } });
      const saved = result.data!.saveDiscountCode;
      setNotice({ ok: true, text: editing ? `Saved ${saved.code}.` : `Created ${saved.code}: ${takesOff(saved, currency)} off.` });
      stopEditing();
    } catch (error) {
      const p = apiError(error)!;
      const raw = p.field?.replace(/^input\./, "");
      const field = p.code === "BAD_USER_INPUT" && isCodeField(raw) ? raw : undefined;
      setProblem({
        field,
        message:
          p.code === "BAD_USER_INPUT" || p.code === "NETWORK"
            ? readableCodeProblem(p.message, field, form.kind, currency)
            : `Saving failed: ${problemMessage(p)}`,
      });
    }
  };

  const deleteCode = async (code: Code) => {
    if (!window.confirm(`Delete the code ${code.code}? Shoppers won't be able to use it any more.`)) return;
    setNotice(null);
    try {
      await remove({
        variables: { id: code.id },
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: "DiscountCode", id: code.id }) });
          cache.gc();
        },
      });
      if (editing?.id === code.id) stopEditing();
      setNotice({ ok: true, text: `Deleted ${code.code}.` });
    } catch (error) {
      const p = apiError(error)!;
      // A code orders used stays, for their sake: it can be switched off instead.
      const used = p.code === "BAD_USER_INPUT" && p.field === "id";
      setNotice({
        ok: false,
        text: p.code === "BAD_USER_INPUT" ? p.message : `${code.code} can't be deleted: ${problemMessage(p)}`,
        switchOff: used && code.active ? code : undefined,
      });
    }
  };

  const switchOff = async (code: Code) => {
    setNotice(null);
    try {
      await save({ variables: { input: codeToInput(code, { active: false }) } });
      if (editing?.id === code.id) stopEditing();
      setNotice({ ok: true, text: `${code.code} is switched off: shoppers can't use it any more.` });
    } catch (error) {
      setNotice({ ok: false, text: `${code.code} can't be switched off: ${problemMessage(apiError(error)!)}` });
    }
  };

  const columns: Column<Code>[] = [
    { header: "Code", cell: (c) => <strong className="discount-code">{c.code}</strong> },
    { header: "Takes off", cell: (c) => takesOff(c, currency) },
    {
      header: "Conditions",
      cell: (c) => {
        const list = conditions(c);
        return list.length ? (
          <ul className="plain-list">
            {list.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">None</span>
        );
      },
    },
    {
      header: "Used",
      cell: (c) => (
        <>
          {usage(c)}
          {c.reserved > 0 && (
            <>
              <br />
              <span className="muted">+{c.reserved} awaiting payment</span>
            </>
          )}
        </>
      ),
    },
    { header: "Status", cell: (c) => (c.active ? "Active" : <span className="muted">Inactive</span>) },
    {
      header: "Actions",
      hiddenHeader: true,
      cell: (c) => (
        <span className="row-actions">
          <button type="button" onClick={() => startEdit(c)} aria-label={`Edit ${c.code}`}>
            Edit
          </button>
          <button type="button" onClick={() => deleteCode(c)} disabled={removing.loading} aria-label={`Delete ${c.code}`}>
            Delete
          </button>
        </span>
      ),
    },
  ];

  const errorId = (key: CodeField) => `d-${key}-error`;
  const describedBy = (key: CodeField, hint?: boolean) =>
    [problem?.field === key && errorId(key), hint && `d-${key}-hint`].filter(Boolean).join(" ") || undefined;
  const invalid = (key: CodeField) => problem?.field === key || undefined;
  const fieldError = (key: CodeField) =>
    problem?.field === key && (
      <p className="field-error" id={errorId(key)} role="alert">
        {problem.message}
      </p>
    );
  const textField = (key: "usageLimit" | "perCustomerLimit", hint: string) => (
    <div className="field">
      <label htmlFor={`d-${key}`}>{label(key)} (optional)</label>
      <input
        id={`d-${key}`}
        inputMode="numeric"
        value={form[key]}
        aria-invalid={invalid(key)}
        aria-describedby={describedBy(key, true)}
        onChange={(e) => set(key, e.target.value)}
      />
      {fieldError(key)}
      <p className="muted" id={`d-${key}-hint`}>
        {hint}
      </p>
    </div>
  );
  const dateField = (key: "startsAt" | "endsAt", hint: string) => (
    <div className="field">
      <label htmlFor={`d-${key}`}>{label(key)} (optional)</label>
      <input
        id={`d-${key}`}
        type="datetime-local"
        value={form[key]}
        aria-invalid={invalid(key)}
        aria-describedby={describedBy(key, true)}
        onChange={(e) => set(key, e.target.value)}
      />
      {fieldError(key)}
      <p className="muted" id={`d-${key}-hint`}>
        {hint}
      </p>
    </div>
  );
  const kinds: { value: DiscountKind; text: string }[] = [
    { value: "PERCENTAGE", text: "A percentage of the goods" },
    { value: "FIXED_AMOUNT", text: `An amount${currency ? ` (${currency})` : ""}` },
  ];

  return (
    <section>
      <h1>Discounts</h1>
      {notice && (
        <div className={notice.ok ? "ok" : "error"} role={notice.ok ? "status" : "alert"}>
          <p className="notice-text">{notice.text}</p>
          {notice.switchOff && (
            <button type="button" onClick={() => switchOff(notice.switchOff!)} disabled={saving.loading}>
              Switch {notice.switchOff.code} off
            </button>
          )}
        </div>
      )}
      <h2>Discount codes</h2>
      {!codes ? (
        loading ? (
          <p role="status">Loading…</p>
        ) : (
          <p className="error" role="alert">
            {problemMessage(apiError(error)!)}
          </p>
        )
      ) : codes.length === 0 ? (
        <p>No discount codes yet: add the first with the form.</p>
      ) : (
        <div className="table-wrap">
          <ListTable
            caption="Discount codes"
            hiddenCaption
            className="discount-table"
            columns={columns}
            rows={codes}
            rowKey={(c) => c.id}
          />
        </div>
      )}
      <form className="discount-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{editing ? `Edit ${editing.code}` : "New discount code"}</legend>
          <div className="field">
            <label htmlFor="d-code">Code</label>
            <input
              id="d-code"
              ref={codeInput}
              value={form.code}
              required
              autoComplete="off"
              aria-invalid={invalid("code")}
              aria-describedby={describedBy("code", true)}
              onChange={(e) => set("code", e.target.value)}
            />
            {fieldError("code")}
            <p className="muted" id="d-code-hint">
              What shoppers type at the cart, like SPRING10: letters, digits, - and _. It is kept in capitals, and shoppers may type it
              either way.
            </p>
          </div>
          <fieldset className="radio-group" aria-describedby={problem?.field === "kind" ? errorId("kind") : undefined}>
            <legend>Takes off</legend>
            {kinds.map((k) => (
              <div className="field radio" key={k.value}>
                <input
                  id={`d-kind-${k.value}`}
                  type="radio"
                  name="d-kind"
                  value={k.value}
                  checked={form.kind === k.value}
                  onChange={() => set("kind", k.value)}
                />
                <label htmlFor={`d-kind-${k.value}`}>{k.text}</label>
              </div>
            ))}
            {fieldError("kind")}
          </fieldset>
          <div className="field">
            <label htmlFor="d-value">{label("value")}</label>
            <input
              id="d-value"
              inputMode={form.kind === "PERCENTAGE" ? "numeric" : "decimal"}
              value={form.value}
              required
              aria-invalid={invalid("value")}
              aria-describedby={describedBy("value", true)}
              onChange={(e) => set("value", e.target.value)}
            />
            {fieldError("value")}
            <p className="muted" id="d-value-hint">
              {form.kind === "PERCENTAGE"
                ? "From 1 to 100: 10 takes 10% off the goods."
                : `Taken off the goods, like ${moneyInputValue(500, currency || "USD")}.`}
            </p>
          </div>
          <div className="field">
            <label htmlFor="d-minSubtotal">{label("minSubtotal")} (optional)</label>
            <input
              id="d-minSubtotal"
              inputMode="decimal"
              value={form.minSubtotal}
              aria-invalid={invalid("minSubtotal")}
              aria-describedby={describedBy("minSubtotal", true)}
              onChange={(e) => set("minSubtotal", e.target.value)}
            />
            {fieldError("minSubtotal")}
            <p className="muted" id="d-minSubtotal-hint">
              The code works only when the goods cost at least this, before shipping.
            </p>
          </div>
          <div className="form-row">
            {dateField("startsAt", "Empty: from now on.")}
            {dateField("endsAt", "Empty: it doesn't expire.")}
          </div>
          <div className="form-row">
            {textField("usageLimit", "How many orders may use it. Empty: no limit.")}
            {textField("perCustomerLimit", "How many orders one customer (by email) may use it for. Empty: no limit.")}
          </div>
          <div className="field checkbox">
            <input
              id="d-active"
              type="checkbox"
              checked={form.active}
              aria-describedby="d-active-hint"
              onChange={(e) => set("active", e.target.checked)}
            />
            <label htmlFor="d-active">Active</label>
          </div>
          <p className="muted" id="d-active-hint">
            Switched off, shoppers can't use the code; orders that used it keep it.
          </p>
        </fieldset>
        {problem && !problem.field && (
          <p className="error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="status-actions">
          <button type="submit" className="primary" disabled={saving.loading}>
            {editing ? "Save changes" : "Create code"}
          </button>
          {editing && (
            <button type="button" onClick={stopEditing}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
