import { FieldError, type FieldProblem } from "./field-problem";
import type { EditableImage } from "./image-upload";
import {
  combinations,
  generateVariants,
  MAX_OPTIONS,
  MAX_VARIANTS,
  parseOptions,
  variantTitle,
  type OptionRow,
  type VariantRow,
} from "./variant-set";

/** The fields of the variants table: `variants[2].sku` is shown at row 2's SKU, `options`/`id` at its title. */
const VARIANT_FIELD = /^variants\[(\d+)\]\.(\w+)$/;
const OPTION_FIELD = /^options\[(\d+)\]\.(name|values)$/;

/** Whether the options editor shows a problem of this field beside it. */
export function shownInOptions(field: string | undefined, options: readonly OptionRow[], variants: readonly VariantRow[]): boolean {
  if (field === "options" || field === "variants") return true;
  const option = field?.match(OPTION_FIELD);
  if (option) return Number(option[1]) < options.length;
  const variant = field?.match(VARIANT_FIELD);
  return Boolean(variant && Number(variant[1]) < variants.length);
}

/**
 * The product's options (a name and its values each) and the variants they make: "Generate variants" makes
 * every combination, keeping the rows that already have their values; each row has its own SKU, price,
 * opening stock (a new variant) and picture.
 */
export function OptionsEditor({
  options,
  variants,
  images,
  currency,
  defaultPrice,
  problem,
  onChange,
  onProblem,
}: {
  options: OptionRow[];
  variants: VariantRow[];
  images: EditableImage[];
  currency: string;
  /** The product's price, which a variant without its own gets. */
  defaultPrice: string;
  problem: FieldProblem | null;
  onChange: (next: { options?: OptionRow[]; variants?: VariantRow[] }) => void;
  onProblem: (problem: FieldProblem | null) => void;
}) {
  const errorAt = (field: string) => (problem?.field === field ? problem.message : undefined);
  const errorId = (field: string) => `error-${field.replace(/\W+/g, "-")}`;
  const invalid = (field: string) => (problem?.field === field ? { "aria-invalid": true, "aria-describedby": errorId(field) } : {});

  const setOption = (i: number, change: Partial<OptionRow>) =>
    onChange({ options: options.map((o, j) => (j === i ? { ...o, ...change } : o)) });
  const removeOption = (i: number) => {
    const rest = options.filter((_, j) => j !== i);
    // Without options the product is sold in one form again: no variants to list.
    onChange(rest.length ? { options: rest } : { options: rest, variants: [] });
  };
  const setRow = (i: number, change: Partial<VariantRow>) =>
    onChange({ variants: variants.map((v, j) => (j === i ? { ...v, ...change } : v)) });

  const generate = () => {
    const parsed = parseOptions(options);
    const unnamed = parsed.findIndex((o) => !o.name);
    if (unnamed >= 0) return onProblem({ field: `options[${unnamed}].name`, message: "Name the option, like Size or Colour" });
    const empty = parsed.findIndex((o) => !o.values.length);
    if (empty >= 0) return onProblem({ field: `options[${empty}].values`, message: "Give its values, separated by commas: S, M, L" });
    const count = combinations(parsed);
    if (count > MAX_VARIANTS) {
      return onProblem({ field: "options", message: `These options make ${count} variants; a product can have at most ${MAX_VARIANTS}.` });
    }
    onProblem(null);
    onChange({ variants: generateVariants(parsed, variants) });
  };

  return (
    <fieldset>
      <legend>Options</legend>
      <p className="muted">
        Sizes, colours…: each combination of values is a variant with its own SKU, price and stock. A product without options is sold in one
        form.
      </p>
      {options.map((o, i) => (
        <div className="option-row" key={i}>
          <div className="field">
            <label htmlFor={`o-${i}-name`}>Option {i + 1} name</label>
            <input
              id={`o-${i}-name`}
              value={o.name}
              placeholder="Size"
              onChange={(e) => setOption(i, { name: e.target.value })}
              {...invalid(`options[${i}].name`)}
            />
            <FieldError id={errorId(`options[${i}].name`)} message={errorAt(`options[${i}].name`)} />
          </div>
          <div className="field">
            <label htmlFor={`o-${i}-values`}>Option {i + 1} values</label>
            <input
              id={`o-${i}-values`}
              value={o.values}
              placeholder="S, M, L"
              onChange={(e) => setOption(i, { values: e.target.value })}
              {...invalid(`options[${i}].values`)}
            />
            <FieldError id={errorId(`options[${i}].values`)} message={errorAt(`options[${i}].values`)} />
          </div>
          <button type="button" className="link-button" onClick={() => removeOption(i)}>
            Remove option {i + 1}
          </button>
        </div>
      ))}
      {options.length > 0 && <p className="muted">Values are separated by commas. After changing them, generate the variants again.</p>}
      <div className="status-actions">
        {options.length < MAX_OPTIONS && (
          <button type="button" onClick={() => onChange({ options: [...options, { name: "", values: "" }] })}>
            Add option
          </button>
        )}
        {options.length > 0 && (
          <button type="button" onClick={generate}>
            Generate variants
          </button>
        )}
      </div>
      <FieldError id={errorId("options")} message={errorAt("options")} />
      <FieldError id={errorId("variants")} message={errorAt("variants")} />
      {variants.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="variant-table">
              <caption>Variants ({variants.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Variant</th>
                  <th scope="col">SKU</th>
                  <th scope="col">Price ({currency})</th>
                  <th scope="col">Stock</th>
                  {images.length > 0 && <th scope="col">Picture</th>}
                  <th scope="col">
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {variants.map((v, i) => {
                  const title = variantTitle(v.values);
                  const field = (name: string) => `variants[${i}].${name}`;
                  // What the row has no input for (its values, its id, an existing variant's stock) is said at its title.
                  const rowProblem = ["options", "id", ...(v.id ? ["stock"] : [])].map((f) => errorAt(field(f))).find(Boolean);
                  return (
                    <tr key={title}>
                      <th scope="row">
                        {title}
                        <FieldError id={errorId(field("row"))} message={rowProblem} />
                      </th>
                      <td>
                        <input
                          className="sku-input"
                          aria-label={`SKU of ${title}`}
                          value={v.sku}
                          placeholder="automatic"
                          onChange={(e) => setRow(i, { sku: e.target.value })}
                          {...invalid(field("sku"))}
                        />
                        <FieldError id={errorId(field("sku"))} message={errorAt(field("sku"))} />
                      </td>
                      <td>
                        <input
                          aria-label={`Price of ${title}`}
                          inputMode="decimal"
                          value={v.price}
                          placeholder={defaultPrice}
                          onChange={(e) => setRow(i, { price: e.target.value })}
                          {...invalid(field("price"))}
                        />
                        <FieldError id={errorId(field("price"))} message={errorAt(field("price"))} />
                      </td>
                      <td>
                        {v.id ? (
                          <span data-testid="variant-stock">{v.currentStock ?? 0}</span>
                        ) : (
                          <>
                            <input
                              aria-label={`Opening stock of ${title}`}
                              inputMode="numeric"
                              value={v.stock}
                              onChange={(e) => setRow(i, { stock: e.target.value })}
                              {...invalid(field("stock"))}
                            />
                            <FieldError id={errorId(field("stock"))} message={errorAt(field("stock"))} />
                          </>
                        )}
                      </td>
                      {images.length > 0 && (
                        <td>
                          <select
                            aria-label={`Picture of ${title}`}
                            value={images.some((img) => img.url === v.imageUrl) ? v.imageUrl : ""}
                            onChange={(e) => setRow(i, { imageUrl: e.target.value })}
                            {...invalid(field("imageUrl"))}
                          >
                            <option value="">None</option>
                            {images.map((img, j) => (
                              <option key={img.url} value={img.url}>
                                Picture {j + 1}
                              </option>
                            ))}
                          </select>
                          <FieldError id={errorId(field("imageUrl"))} message={errorAt(field("imageUrl"))} />
                        </td>
                      )}
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Remove variant ${title}`}
                          onClick={() => onChange({ variants: variants.filter((_, j) => j !== i) })}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">
            An empty SKU is made from the product's SKU and the values; an empty price is the product's price. The stock of a saved variant
            changes under Stock.
          </p>
        </>
      )}
    </fieldset>
  );
}
