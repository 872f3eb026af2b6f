import { COUNTRIES } from "./countries";
import type { AddressForm, FormErrors } from "./validation";

interface Props {
  prefix: "shipping" | "billing";
  legend: string;
  value: AddressForm;
  errors: FormErrors;
  onChange: (next: AddressForm) => void;
  /** The parts that price shipping were settled: a country chosen, the region or postal code left. */
  onCommit?: (address: AddressForm) => void;
  /** A problem with the country found after it was chosen (e.g. the shop doesn't ship there), announced at once. */
  countryAlert?: string | null;
}

const FIELDS: { key: keyof AddressForm; label: string; autoComplete: string; optional?: boolean }[] = [
  { key: "name", label: "Full name", autoComplete: "name" },
  { key: "line1", label: "Street address", autoComplete: "address-line1" },
  { key: "line2", label: "Apartment, suite, etc.", autoComplete: "address-line2", optional: true },
  { key: "city", label: "Town or city", autoComplete: "address-level2" },
  { key: "region", label: "State, county or region", autoComplete: "address-level1", optional: true },
  { key: "postalCode", label: "Postal code", autoComplete: "postal-code" },
];

/** Besides the country, what shipping and tax may depend on: sent when the shopper leaves the field, not per keystroke. */
const PRICING_FIELDS: ReadonlySet<keyof AddressForm> = new Set(["region", "postalCode"]);

/** One address as a fieldset; each error appears beside its field and is announced with it. */
export function AddressFields({ prefix, legend, value, errors, onChange, onCommit, countryAlert }: Props) {
  const section = prefix === "shipping" ? "shipping" : "billing";
  const countryId = `${prefix}-country`;
  const countryError = countryAlert || errors[`${prefix}.country`];
  return (
    <fieldset>
      <legend>{legend}</legend>
      {FIELDS.map(({ key, label, autoComplete, optional }) => {
        const id = `${prefix}-${key}`;
        const error = errors[`${prefix}.${key}`];
        return (
          <div className="field" key={key}>
            <label htmlFor={id}>
              {label}
              {optional && <span className="muted"> (optional)</span>}
            </label>
            <input
              id={id}
              name={id}
              value={value[key]}
              autoComplete={`${section} ${autoComplete}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
              onBlur={PRICING_FIELDS.has(key) ? () => onCommit?.(value) : undefined}
            />
            {error && (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="field">
        <label htmlFor={countryId}>Country</label>
        <select
          id={countryId}
          name={countryId}
          value={value.country}
          autoComplete={`${section} country`}
          aria-invalid={countryError ? true : undefined}
          aria-describedby={countryError ? `${countryId}-error` : undefined}
          onChange={(e) => {
            const next = { ...value, country: e.target.value };
            onChange(next);
            onCommit?.(next);
          }}
        >
          <option value="">Choose a country…</option>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {countryError && (
          <p className="field-error" id={`${countryId}-error`} role={countryAlert ? "alert" : undefined}>
            {countryError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
