import { Link } from "react-router";
import { Price } from "../../components/price";
import { ProductImage } from "../../components/product-image";
import type { ProductCardFieldsFragment } from "../../graphql/graphql";
import { useAddToCart } from "../cart/use-add-to-cart";

type Product = ProductCardFieldsFragment;

const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text);

export function ProductCard({ product }: { product: Product }) {
  const { add, adding, added, error } = useAddToCart();
  const soldOut = product.stock === 0;
  const label = soldOut ? "Sold out" : adding ? "Adding…" : "Add to cart";
  const { min, max } = product.priceRange;
  // A product with options is added from its page, where the shopper chooses the variant.
  const choose = product.options.length > 0 && !soldOut;
  return (
    <li className="card">
      <Link to={`/product/${product.id}`} className="card-image" tabIndex={-1} aria-hidden="true">
        <ProductImage image={product.images[0]} name={product.name} size="card" />
      </Link>
      <h2 className="card-title">
        <Link to={`/product/${product.id}`}>{product.name}</Link>
      </h2>
      <p className="card-description">{short(product.description)}</p>
      <p className="card-price">
        {min.amount !== max.amount && "From "}
        <Price money={product.price} />
        {soldOut && <span className="stock stock-out"> · Sold out</span>}
      </p>
      {choose ? (
        <Link className="button" to={`/product/${product.id}`} aria-label={`Choose options: ${product.name}`}>
          Choose options
        </Link>
      ) : (
        <button type="button" onClick={() => add(product.id)} disabled={soldOut || adding} aria-label={`${label}: ${product.name}`}>
          {label}
        </button>
      )}
      {/* Always there (a live region must be, to be heard), but only takes room once it has something to say. */}
      <p className={added ? "card-status" : "card-status sr-only"} role="status">
        {added ? "Added to cart" : ""}
      </p>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
    </li>
  );
}
