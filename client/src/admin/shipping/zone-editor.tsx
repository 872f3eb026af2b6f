import { useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import type { ShippingZoneFieldsFragment } from "../../graphql/graphql";
import { useDeleteShippingZoneMutation } from "../../graphql/op.DeleteShippingZone";
import { useSaveShippingZoneMutation } from "../../graphql/op.SaveShippingZone";
import { apiError } from "../../lib/errors";
import {
  countriesText,
  draftToZoneInput,
  emptyRate,
  fieldOf,
  NEW_ZONE,
  RATE_LABELS,
  readable,
  ZONE_LABELS,
  zoneToDraft,
  type Problem,
  type RateDraft,
  type RateField,
  type ZoneDraft,
} from "./shipping-form";
import { problemMessage } from "../../lib/messages";

const RATE_FIELD = /^rates\[(\d+)\]\.(\w+)$/;

/**
 * One shipping zone: its name, its countries and its rates (a row each: name, price, free above, weight band,
 * delivery estimate), saved together. Without `zone`, the form for a new one.
 */
export function ZoneEditor({
  zone,
  currency,
  onCreated,
  onCancel,
  onDeleted,
}: {
  zone: ShippingZoneFieldsFragment | null;
  currency: string;
  onCreated?: (name: string) => void;
  onCancel?: () => void;
  onDeleted?: (name: string) => void;
}) {
  const key = zone?.id ?? "new";
  const [save, saving] = useSaveShippingZoneMutation(zone ? {} : { refetchQueries: ["AdminShipping"], awaitRefetchQueries: true });
  const [remove, removing] = useDeleteShippingZoneMutation();
  const [draft, setDraft] = useState<ZoneDraft>(() => (zone ? zoneToDraft(zone) : NEW_ZONE));
  // The server's BAD_USER_INPUT names the field (`countries`, `rates[1].maxWeightGrams`): its message shows there.
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nameInputs = useRef(new Map<string, HTMLInputElement>());

  // The form starts again from the zone whenever the zone itself changes (saved here, or loaded afresh), not
  // when the list is merely fetched again: what the owner typed in another zone stays.
  const source = zone ? JSON.stringify(zone) : "";
  const [formOf, setFormOf] = useState(source);
  if (zone && source !== formOf) {
    setFormOf(source);
    setDraft(zoneToDraft(zone));
    setProblem(null);
  }

  const clearProblemAt = (field: string) => {
    if (problem?.field === field) setProblem(null);
  };
  const setRate = (i: number, field: RateField, value: string) => {
    setDraft({ ...draft, rates: draft.rates.map((r, j) => (j === i ? { ...r, [field]: value } : r)) });
    clearProblemAt(`rates[${i}].${field}`);
  };
  const addRate = () => {
    const row = emptyRate(`new-${draft.added}`);
    flushSync(() => setDraft({ ...draft, rates: [...draft.rates, row], added: draft.added + 1 }));
    nameInputs.current.get(row.key)?.focus();
  };
  const removeRate = (i: number) => {
    setDraft({ ...draft, rates: draft.rates.filter((_, j) => j !== i) });
    // The rows after it move up: a problem at one of them no longer points at the right row.
    if (problem?.field?.startsWith("rates")) setProblem(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!currency) return setProblem({ message: "Still loading; try again in a moment" });
    const read = draftToZoneInput(draft, currency, zone?.id);
    if ("problem" in read) return setProblem(read.problem);
    setProblem(null);
    try {
      const result = await save({ variables: { input: read.input } });
      const saved = result.data!.saveShippingZone;
      if (!zone) {
        setDraft(NEW_ZONE);
        onCreated?.(saved.name);
        return;
      }
      setFormOf(JSON.stringify(saved));
      setDraft(zoneToDraft(saved));
      setNotice(`Saved ${saved.name}.`);
    } catch (error) {
      const p = apiError(error)!;
      const field = p.code === "BAD_USER_INPUT" ? fieldOf(p.field) : undefined;
      setProblem({
        field,
        message:
          p.code === "BAD_USER_INPUT" || p.code === "NETWORK"
            ? readable(p.message, field, ZONE_LABELS)
            : `Saving failed: ${problemMessage(p)}`,
      });
    }
  };

  const deleteZone = async () => {
    if (!zone) return;
    const where = zone.countries.includes("*") ? "everywhere else" : zone.countries.join(", ");
    if (!window.confirm(`Delete the zone ${zone.name} and its rates? Shoppers in ${where} can't order unless another zone ships there.`)) {
      return;
    }
    setNotice(null);
    try {
      await remove({
        variables: { id: zone.id },
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: "ShippingZone", id: zone.id }) });
          cache.gc();
        },
      });
      onDeleted?.(zone.name);
    } catch (error) {
      const p = apiError(error)!;
      setProblem({ message: p.code === "BAD_USER_INPUT" ? p.message : `${zone.name} can't be deleted: ${problemMessage(p)}` });
    }
  };

  // Which row and column a problem is at, when it is at one of the table's inputs.
  const rateAt = problem?.field?.match(RATE_FIELD);
  const shownAtField =
    problem?.field === "name" ||
    problem?.field === "countries" ||
    Boolean(rateAt && Number(rateAt[1]) < draft.rates.length && rateAt[2] in RATE_LABELS);

  const id = (field: string) => `z-${key}-${field.replace(/\W+/g, "-")}`;
  const errorAt = (field: string) => (problem?.field === field ? problem.message : undefined);
  const describe = (field: string, hint?: string) => {
    const ids = [errorAt(field) && `${id(field)}-error`, hint].filter(Boolean).join(" ");
    return { "aria-invalid": errorAt(field) ? true : undefined, "aria-describedby": ids || undefined };
  };
  const fieldError = (field: string) =>
    errorAt(field) && (
      <p className="field-error" id={`${id(field)}-error`} role="alert">
        {errorAt(field)}
      </p>
    );
  const title = zone?.name ?? "New zone";
  const money = currency ? ` (${currency})` : "";

  const rateRow = (r: RateDraft, i: number) => {
    const n = i + 1;
    const cell = (field: RateField, label: string, props: { inputMode?: "decimal" | "numeric" } = {}) => {
      const at = `rates[${i}].${field}`;
      return (
        <td>
          <input
            id={id(`rate-${r.key}-${field}`)}
            aria-label={`Rate ${n}: ${label}`}
            value={r[field]}
            ref={
              field === "name"
                ? (el) => {
                    if (el) nameInputs.current.set(r.key, el);
                    else nameInputs.current.delete(r.key);
                  }
                : undefined
            }
            onChange={(e) => setRate(i, field, e.target.value)}
            {...props}
            {...describe(at)}
          />
          {fieldError(at)}
        </td>
      );
    };
    return (
      <tr key={r.key}>
        {cell("name", "name")}
        {cell("price", `price${money}`, { inputMode: "decimal" })}
        {cell("freeAbove", `free above${money}`, { inputMode: "decimal" })}
        {cell("minWeightGrams", "weight from (grams)", { inputMode: "numeric" })}
        {cell("maxWeightGrams", "weight to (grams)", { inputMode: "numeric" })}
        {cell("estimatedDays", "delivery estimate")}
        <td>
          <button type="button" className="link-button" onClick={() => removeRate(i)}>
            Remove rate {n}
          </button>
        </td>
      </tr>
    );
  };

  return (
    <section className="zone" aria-labelledby={id("title")}>
      <h3 id={id("title")}>{title}</h3>
      {zone && <p className="muted">Ships to: {countriesText(zone.countries)}</p>}
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <div className="field">
            <label htmlFor={id("name")}>Name</label>
            <input
              id={id("name")}
              value={draft.name}
              required
              autoFocus={!zone}
              onChange={(e) => {
                setDraft({ ...draft, name: e.target.value });
                clearProblemAt("name");
              }}
              {...describe("name")}
            />
            {fieldError("name")}
          </div>
          <div className="field">
            <label htmlFor={id("countries")}>Countries</label>
            <input
              id={id("countries")}
              value={draft.countries}
              required
              onChange={(e) => {
                setDraft({ ...draft, countries: e.target.value });
                clearProblemAt("countries");
              }}
              {...describe("countries", id("countries-hint"))}
            />
            {fieldError("countries")}
            <p className="muted" id={id("countries-hint")}>
              Two-letter country codes separated by commas, like DE, FR, AT. A country is in one zone only. * on its own means “Everywhere
              else”: every country no other zone names.
            </p>
          </div>
        </div>
        <div className="table-wrap">
          <table className="rates-table">
            <caption>Rates in {title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Price{money}</th>
                <th scope="col">Free above{money}</th>
                <th scope="col">Weight from (g)</th>
                <th scope="col">Weight to (g)</th>
                <th scope="col">Delivery estimate</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.rates.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">
                    No rates: shoppers in this zone can't choose any shipping. Add a rate.
                  </td>
                </tr>
              ) : (
                draft.rates.map(rateRow)
              )}
            </tbody>
          </table>
        </div>
        <p className="muted">
          Shoppers choose among the rates whose weight band fits their parcel (empty: any weight). A rate is free when the goods, after any
          discount, cost at least its “free above” amount (empty: never free).
        </p>
        {problem && !shownAtField && (
          <p className="error" role="alert">
            {problem.message}
          </p>
        )}
        {notice && (
          <p className="ok" role="status">
            {notice}
          </p>
        )}
        <div className="status-actions">
          <button type="button" onClick={addRate} disabled={draft.rates.length >= 20}>
            Add rate
          </button>
          <button type="submit" className="primary" disabled={saving.loading}>
            {zone ? "Save zone" : "Create zone"}
          </button>
          {zone && (
            <button type="button" onClick={deleteZone} disabled={removing.loading}>
              Delete zone
            </button>
          )}
          {!zone && onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
