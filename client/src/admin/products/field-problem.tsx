/** A problem with the product form: the server's BAD_USER_INPUT names its field (`extensions.field`). */
export interface FieldProblem {
  /** The field it is about, as the server names it (`sku`, `variants[2].price`); none for the whole form. */
  field?: string;
  message: string;
}

/** A field's problem beside it; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

const LABELS: Record<string, string> = { sku: "SKU", price: "Price", stock: "Opening stock", imageUrl: "Picture" };

/** The server's message as the form's words: "Invalid variants[0].sku: sku may hold…" reads "SKU may hold…". */
export function readable(message: string, field: string | undefined): string {
  let text = message.replace(/^Invalid [^:]+: /, "");
  const property = field?.match(/(\w+)(\[\d+\])?$/)?.[1];
  if (!property) return text;
  if (text.startsWith(`${property} `)) text = text.slice(property.length + 1);
  const label = LABELS[property] ?? property[0].toUpperCase() + property.slice(1);
  return /^[a-z]/.test(text) ? `${label} ${text}` : text;
}
