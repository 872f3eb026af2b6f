import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { usePageTitle } from "../../components/page-title";
import type { ProductStatus } from "../../graphql/graphql";
import { useAdminProductQuery, useCreateProductMutation, useShopQuery, useUpdateProductMutation } from "../../graphql/hooks";
import { apiError } from "../../lib/errors";
import { moneyInputValue, parseMoneyInput } from "../../lib/money";
import { CategoryCheckboxes } from "../categories/category-checkboxes";
import { ImageEditor, type EditableImage } from "./image-upload";
import { StockPanel } from "./stock-panel";

interface Form {
  sku: string;
  name: string;
  description: string;
  price: string;
  stock: string;
  status: ProductStatus;
  categoryIds: string[];
  images: EditableImage[];
}

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
  });
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
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
    });
  }

  if (!isNew && data && !product) return <NotFound title="Product not found" />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!currency) return setProblem("Still loading; try again in a moment");
    const price = parseMoneyInput(form.price, currency);
    if (price === null) return setProblem("Enter the price like 25.99");
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
        const result = await create({ variables: { input: { ...common, stock: Number.isInteger(stock) && stock >= 0 ? stock : 0 } } });
        navigate(`/admin/products/${result.data!.createProduct.id}`, { replace: true });
      } else {
        await update({ variables: { id: id!, input: common } });
        setSaved(true);
      }
    } catch (error) {
      setProblem(apiError(error)?.message ?? "Saving failed");
    }
  };

  const field = (key: "sku" | "name" | "price", label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`p-${key}`}>{label}</label>
      <input
        id={`p-${key}`}
        value={form[key]}
        required
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        aria-describedby={hint ? `p-${key}-hint` : undefined}
      />
      {hint && (
        <p className="muted" id={`p-${key}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );

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
                rows={4}
                value={form.description}
                onChange={(e) => setForm({ ...form, description: e.target.value })}
              />
            </div>
            {field("price", `Price (${currency})`, `For example ${moneyInputValue(2599, currency || "USD")}`)}
            {isNew && (
              <div className="field">
                <label htmlFor="p-stock">Opening stock</label>
                <input id="p-stock" inputMode="numeric" value={form.stock} onChange={(e) => setForm({ ...form, stock: e.target.value })} />
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
          <CategoryCheckboxes selected={form.categoryIds} onChange={(categoryIds) => setForm({ ...form, categoryIds })} />
          <ImageEditor images={form.images} onChange={(images) => setForm({ ...form, images })} productName={form.name} />
          {problem && (
            <p className="error" role="alert">
              {problem}
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
            movements={data?.stockMovements}
            loadMore={(after) => fetchMore({ variables: { after } })}
            onChanged={() => void refetch()}
          />
        )}
      </div>
    </section>
  );
}
