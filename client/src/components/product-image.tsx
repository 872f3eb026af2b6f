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
  if (!image)
    return (
      <div className={`image image-${size} image-missing`} role="img" aria-label={`${name}: no picture yet`}>
        {/* A neutral picture-frame mark, so the box reads as "no picture" rather than as a picture still loading. */}
        <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
          <rect x="6" y="10" width="36" height="28" rx="3" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <circle cx="17" cy="19" r="3.5" fill="currentColor" />
          <path d="M9 35 L20 25 L27 31 L33 26 L39 32 L39 35 Z" fill="currentColor" />
        </svg>
      </div>
    );
  return <img className={`image image-${size}`} src={image.url} alt={image.alt || name} loading={size === "large" ? "eager" : "lazy"} />;
}
