import { Fragment, useState } from "react";
import { Link, useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { ProductImage } from "../../components/product-image";
import { useProductQuery } from "../../graphql/op.Product";
import { useAddToCart } from "../cart/use-add-to-cart";
import { categoryPath } from "../catalog/category-nav";
import { chosenVariant, initialChoice, pictureVariant, whyNotAddable, type Choice } from "./variant-choice";
import { VariantPicker } from "./variant-picker";

export function stockLabel(stock: number): string {
  if (stock <= 0) return "Sold out";
  if (stock <= 5) return `Only ${stock} left`;
  return "In stock";
}

/** What "Add to cart" says when fewer were added than asked for (the stock, or the most one add takes). */
export function cappedMessage(stock: number, added: number): string {
  return stock <= added ? `Only ${stock} available — added ${added}.` : `At most ${added} at a time — added ${added}.`;
}

export function ProductPage() {
  const { id = "" } = useParams();
  const { data, loading, error } = useProductQuery({ variables: { id }, fetchPolicy: "cache-and-network" });
  const product = data?.product;
  // A thumbnail the shopper picked; null shows the chosen variant's picture (or the first).
  const [selected, setSelected] = useState<number | null>(null);
  // The shopper's choice of option values, for the product it was made on.
  const [picked, setPicked] = useState<{ productId: string; choice: Choice } | null>(null);
  const [quantityText, setQuantityText] = useState("1");
  // Set when more is typed than can be added at once: once added, the message says so instead of "Added".
  const [capped, setCapped] = useState<string | null>(null);
  const { add, adding, added, error: addError, reset } = useAddToCart();
  usePageTitle(product?.name ?? "Product");

  if (!product && loading) return <p role="status">Loading…</p>;
  if (!product && error) {
    return (
      <p className="error" role="alert">
        We couldn't load this product. Please try again in a moment.
      </p>
    );
  }
  if (!product) return <NotFound title="Product not found">This product doesn't exist or is no longer sold.</NotFound>;

  const hasOptions = product.options.length > 0;
  const choice = picked?.productId === product.id ? picked.choice : initialChoice(product);
  const variant = chosenVariant(product, choice);
  // A product without options is its one variant: its own stock and price, as always.
  const stock = hasOptions ? (variant?.stock ?? 0) : product.stock;
  const soldOut = stock <= 0;
  const canAdd = !soldOut && (!hasOptions || Boolean(variant));
  const note = hasOptions ? whyNotAddable(product, choice, variant) : null;
  const max = Math.max(1, Math.min(stock, 999));
  // What was typed stays as typed (so Backspace then "2" gives 2); it is clamped to 1…max when used.
  const quantity = Math.max(1, Math.min(max, Math.floor(Number(quantityText)) || 1));
  const images = product.images;
  const shown = (selected === null ? pictureVariant(product, choice)?.image : images[selected]) ?? images[0];
  const choose = (index: number, value: string) => {
    reset();
    setCapped(null);
    setSelected(null);
    setPicked({ productId: product.id, choice: choice.map((c, i) => (i === index ? value : c)) });
  };
  return (
    <article className="product">
      <div className="gallery">
        <ProductImage image={shown} name={product.name} size="large" />
        {images.length > 1 && (
          <ul className="thumbs" aria-label="Product images">
            {images.map((img, i) => (
              <li key={img.url}>
                <button
                  type="button"
                  aria-pressed={img.url === shown?.url}
                  aria-label={`Show image ${i + 1} of ${images.length}`}
                  onClick={() => setSelected(i)}
                >
                  <ProductImage image={img} name={product.name} size="thumb" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="details">
        <h1>{product.name}</h1>
        {product.categories.length > 0 && (
          <p className="product-categories">
            In:{" "}
            {product.categories.map((c, i) => (
              <Fragment key={c.id}>
                {i > 0 && " · "}
                <Link to={categoryPath(c.slug)}>{c.name}</Link>
              </Fragment>
            ))}
          </p>
        )}
        {/* Price and stock follow the choice: said when they change. */}
        <div aria-live={hasOptions ? "polite" : undefined}>
          <p className="product-price">
            {hasOptions && !variant && product.priceRange.min.amount !== product.priceRange.max.amount && "From "}
            <Price money={hasOptions && variant ? variant.price : product.price} />
          </p>
          {(!hasOptions || variant) && (
            <p className={`stock ${soldOut ? "stock-out" : stock <= 5 ? "stock-low" : "stock-in"}`} data-testid="stock">
              {stockLabel(stock)}
            </p>
          )}
        </div>
        <p>{product.description}</p>
        {hasOptions && <VariantPicker product={product} choice={choice} onChoose={choose} />}
        {/* noValidate: more than the stock (the field's max, for its arrows) is added as the stock, and said so,
            rather than refused by the browser's own bubble. */}
        <form
          className="add-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!canAdd) return;
            setQuantityText(String(quantity));
            add(product.id, quantity, variant?.id);
          }}
        >
          <label htmlFor="quantity">Quantity</label>
          <input
            id="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={quantityText}
            disabled={!canAdd}
            onChange={(e) => {
              reset();
              // Said once added (leaving the field already shows the amount that will be added).
              setCapped(Math.floor(Number(e.target.value)) > max ? cappedMessage(stock, max) : null);
              setQuantityText(e.target.value);
            }}
            onBlur={() => setQuantityText(String(quantity))}
          />
          <button type="submit" disabled={!canAdd || adding} aria-describedby={note ? "choice-note" : undefined}>
            {soldOut && (!hasOptions || variant) ? "Sold out" : adding ? "Adding…" : "Add to cart"}
          </button>
        </form>
        {note && (
          <p className="choice-note" id="choice-note">
            {note}
          </p>
        )}
        <p role="status" className="added">
          {added && (
            <>
              {capped ?? "Added to your cart."} <Link to="/cart">View cart</Link>
            </>
          )}
        </p>
        {addError && (
          <p className="error" role="alert">
            {addError.message}
          </p>
        )}
        <p className="muted">SKU {product.sku}</p>
      </div>
    </article>
  );
}
