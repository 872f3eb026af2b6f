import type { ImageFieldsFragment as Image } from "../graphql/graphql";

/** A product picture, or a neutral placeholder when the product has none. */
export function ProductImage({
  image,
  name,
  size,
}: {
  image?: Pick<Image, "url" | "alt">;
  name: string;
  size: "thumb" | "card" | "large";
}) {
  if (!image) return <div className={`image image-${size} image-missing`} role="img" aria-label={`${name}: no picture yet`} />;
  return <img className={`image image-${size}`} src={image.url} alt={image.alt || name} loading={size === "large" ? "eager" : "lazy"} />;
}
