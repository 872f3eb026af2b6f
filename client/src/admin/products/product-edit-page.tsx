import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { usePageTitle } from "../../components/page-title";
import type { ProductStatus } from "../../graphql/graphql";
import { useAdminProductQuery } from "../../graphql/op.AdminProduct";
import { useCreateProductMutation } from "../../graphql/op.CreateProduct";
import { useShopQuery } from "../../graphql/op.Shop";
import { useUpdateProductMutation } from "../../graphql/op.UpdateProduct";
import { apiError } from "../../lib/errors";
import { moneyInputValue, parseMoneyInput } from "../../lib/money";
import { CategoryCheckboxes } from "../categories/category-checkboxes";
import { ImageEditor, type EditableImage } from "./image-upload";
import { FieldError, readable, type FieldProblem } from "./field-problem";
import { OptionsEditor, shownInOptions } from "./options-editor";
import { StockPanel } from "./stock-panel";
import { parseOptions, toVariantInputs, type OptionRow, type VariantRow } from "./variant-set";
import { problemMessage } from "../../lib/messages";

interface Form {
  sku: string;
  name: string;
  description: string;
  price: string;
  stock: string;
  status: ProductStatus;
  categoryIds: string[];
  images: EditableImage[];
  options: OptionRow[];
  variants: VariantRow[];
}

/** The details' fields a server problem can point at. */
type DetailField = "sku" | "name" | "description" | "price" | "stock";
const DETAILS = new Set<string>(["sku", "name", "description", "price", "stock"]);

export function ProductEditPage() {
  const { id } = useParams();
  const isNew = !id;
  usePageTitle(isNew ? "New product" : "Edit product");
  const navigate = useNavigate();
  const { data, refetch, fetchMore } = useAdminProductQuery({ variables: { id: id ?? "" }, skip: isNew, fetchPolicy: "cache-and-network" });
  const product = data?.adminProduct;
  const currency = useShopQuery().data?.shop.currency ?? product?.price.currency ?? "";
  const [form, setForm] = useState<Form>({
    sku: "",
    name: "",
    description: "",
    price: "",
    stock: "0",
    status: "DRAFT",
    categoryIds: [],
    images: [],
    options: [],
    variants: [],
  });
  const [saved, setSaved] = useState(false);
  // The server's BAD_USER_INPUT names the field (`extensions.field`): its message shows there, else under the form.
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [create, creating] = useCreateProductMutation();
  const [update, updating] = useUpdateProductMutation();

  // The form starts from the product as loaded (and again when it is saved or refetched), set while rendering.
  const [formOf, setFormOf] = useState<typeof product>(undefined);
  if (product && product !== formOf) {
    setFormOf(product);
    setForm({
      sku: product.sku,
      name: product.name,
      description: product.description,
      price: moneyInputValue(product.price.amount, product.price.currency),
      stock: String(product.stock),
      status: product.status ?? "ACTIVE",
      categoryIds: product.categories.map((c) => c.id),
      images: product.images.map((i) => ({ url: i.url, alt: i.alt })),
      options: product.options.map((o) => ({ name: o.name, values: o.values.join(", ") })),
      variants: product.options.length
        ? product.variants.map((v) => ({
            id: v.id,
            values: v.options.map((o) => o.value),
            sku: v.sku,
            price: moneyInputValue(v.price.amount, v.price.currency),
            stock: "",
            currentStock: v.stock,
            imageUrl: v.image?.url ?? "",
          }))
        : [],
    });
  }

  if (!isNew && data && !product) return <NotFound title="Product not found" />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!currency) return setProblem({ message: "Still loading; try again in a moment" });
    const price = parseMoneyInput(form.price, currency);
    if (price === null) return setProblem({ field: "price", message: "Enter the price like 25.99" });
    const options = parseOptions(form.options);
    const imageUrls = form.images.map((i) => i.url);
    const variants = options.length ? toVariantInputs(options, form.variants, imageUrls, currency) : undefined;
    if (variants && !Array.isArray(variants)) return setProblem(variants);
    setProblem(null);
    const common = {
      sku: form.sku,
      name: form.name,
      description: form.description,
      price,
      status: form.status,
      categoryIds: form.categoryIds,
      images: form.images,
    };
    try {
      if (isNew) {
        const stock = Number(form.stock);
        const input = variants ? { ...common, options, variants } : { ...common, stock: Number.isInteger(stock) && stock >= 0 ? stock : 0 };
        const result = await create({ variables: { input } });
        navigate(`/admin/products/${result.data!.createProduct.id}`, { replace: true });
      } else {
        // Options and variants go only when there are (or were) some: a product sold in one form saves as it always did.
        const withOptions = variants || product?.options.length ? { options, variants: variants ?? [] } : {};
        await update({ variables: { id: id!, input: { ...common, ...withOptions } } });
        setSaved(true);
        // New variants' opening stock and removed ones' are in the stock history.
        if (variants) void refetch();
      }
    } catch (error) {
      const p = apiError(error);
      if (p?.code === "BAD_USER_INPUT") setProblem({ field: p.field, message: readable(p.message, p.field) });
      else setProblem({ message: p ? `Saving failed: ${problemMessage(p)}` : "Saving failed" });
    }
  };

  const hasOptions = form.options.length > 0;
  const errorAt = (key: DetailField) => (problem?.field === key ? problem.message : undefined);
  const describedBy = (key: DetailField, hint?: boolean) =>
    [errorAt(key) && `p-${key}-error`, hint && `p-${key}-hint`].filter(Boolean).join(" ") || undefined;
  const field = (key: "sku" | "name" | "price", label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`p-${key}`}>{label}</label>
      <input
        id={`p-${key}`}
        value={form[key]}
        required
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        aria-invalid={Boolean(errorAt(key)) || undefined}
        aria-describedby={describedBy(key, Boolean(hint))}
      />
      <FieldError id={`p-${key}-error`} message={errorAt(key)} />
      {hint && (
        <p className="muted" id={`p-${key}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
  // The opening stock is asked only of a new product without options.
  const shownAtDetails = DETAILS.has(problem?.field ?? "") && (problem?.field !== "stock" || (isNew && !hasOptions));
  const shownAtField = shownAtDetails || shownInOptions(problem?.field, form.options, form.variants);

  return (
    <section>
      <h1>{isNew ? "New product" : (product?.name ?? "Product")}</h1>
      <div className="two-cols">
        <form onSubmit={submit}>
          <fieldset>
            <legend>Details</legend>
            {field("name", "Name")}
            {field("sku", "SKU", "Letters, digits, '.', '_' and '-'; stored in capitals.")}
            <div className="field">
              <label htmlFor="p-description">Description</label>
              <textarea
                id="p-description"
                rows={6}
                value={form.description}
                onChange={(e) => setForm({ ...form, description: e.target.value })}
                aria-invalid={Boolean(errorAt("description")) || undefined}
                aria-describedby={describedBy("description")}
              />
              <FieldError id="p-description-error" message={errorAt("description")} />
            </div>
            {field(
              "price",
              `Price (${currency})`,
              hasOptions
                ? "Each variant without a price of its own costs this."
                : `For example ${moneyInputValue(2599, currency || "USD")}`,
            )}
            {isNew && !hasOptions && (
              <div className="field">
                <label htmlFor="p-stock">Opening stock</label>
                <input
                  id="p-stock"
                  inputMode="numeric"
                  value={form.stock}
                  onChange={(e) => setForm({ ...form, stock: e.target.value })}
                  aria-invalid={Boolean(errorAt("stock")) || undefined}
                  aria-describedby={describedBy("stock")}
                />
                <FieldError id="p-stock-error" message={errorAt("stock")} />
              </div>
            )}
            <div className="field">
              <label htmlFor="p-status">Status</label>
              <select id="p-status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as ProductStatus })}>
                <option value="DRAFT">Draft (hidden from the shop)</option>
                <option value="ACTIVE">Active (for sale)</option>
                <option value="ARCHIVED">Archived (hidden, history kept)</option>
              </select>
            </div>
          </fieldset>
          <OptionsEditor
            options={form.options}
            variants={form.variants}
            images={form.images}
            currency={currency}
            defaultPrice={form.price}
            problem={problem}
            onChange={(next) => setForm({ ...form, ...next })}
            onProblem={setProblem}
          />
          <CategoryCheckboxes selected={form.categoryIds} onChange={(categoryIds) => setForm({ ...form, categoryIds })} />
          <ImageEditor images={form.images} onChange={(images) => setForm({ ...form, images })} productName={form.name} />
          {problem && !shownAtField && (
            <p className="error" role="alert">
              {problem.message}
            </p>
          )}
          {saved && (
            <p className="ok" role="status">
              Saved.
            </p>
          )}
          <button type="submit" className="primary" disabled={creating.loading || updating.loading}>
            {isNew ? "Create product" : "Save changes"}
          </button>
        </form>
        {product && (
          <StockPanel
            productId={product.id}
            stock={product.stock}
            variants={product.options.length ? product.variants : []}
            movements={data?.stockMovements}
            loadMore={(after) => fetchMore({ variables: { after } })}
            onChanged={() => void refetch()}
          />
        )}
      </div>
    </section>
  );
}
