import { Fragment, useState } from "react";
import { Link, useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { ProductImage } from "../../components/product-image";
import { useProductQuery } from "../../graphql/hooks";
import { useAddToCart } from "../cart/use-add-to-cart";
import { categoryPath } from "../catalog/category-nav";

export function stockLabel(stock: number): string {
  if (stock <= 0) return "Sold out";
  if (stock <= 5) return `Only ${stock} left`;
  return "In stock";
}

export function ProductPage() {
  const { id = "" } = useParams();
  const { data, loading, error } = useProductQuery({ variables: { id }, fetchPolicy: "cache-and-network" });
  const product = data?.product;
  const [selected, setSelected] = useState(0);
  const [quantityText, setQuantityText] = useState("1");
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

  const soldOut = product.stock <= 0;
  const max = Math.max(1, Math.min(product.stock, 999));
  // What was typed stays as typed (so Backspace then "2" gives 2); it is clamped to 1…max when used.
  const quantity = Math.max(1, Math.min(max, Math.floor(Number(quantityText)) || 1));
  const images = product.images;
  return (
    <article className="product">
      <div className="gallery">
        <ProductImage image={images[selected] ?? images[0]} name={product.name} size="large" />
        {images.length > 1 && (
          <ul className="thumbs" aria-label="Product images">
            {images.map((img, i) => (
              <li key={img.url}>
                <button
                  type="button"
                  aria-pressed={i === selected}
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
        <p className="product-price">
          <Price money={product.price} />
        </p>
        <p className={`stock ${soldOut ? "stock-out" : product.stock <= 5 ? "stock-low" : "stock-in"}`} data-testid="stock">
          {stockLabel(product.stock)}
        </p>
        <p>{product.description}</p>
        <form
          className="add-form"
          onSubmit={(e) => {
            e.preventDefault();
            setQuantityText(String(quantity));
            add(product.id, quantity);
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
            disabled={soldOut}
            onChange={(e) => {
              reset();
              setQuantityText(e.target.value);
            }}
            onBlur={() => setQuantityText(String(quantity))}
          />
          <button type="submit" disabled={soldOut || adding}>
            {soldOut ? "Sold out" : adding ? "Adding…" : "Add to cart"}
          </button>
        </form>
        <p role="status" className="added">
          {added && (
            <>
              Added to your cart. <Link to="/cart">View cart</Link>
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
