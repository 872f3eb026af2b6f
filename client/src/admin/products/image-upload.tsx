import { useState } from "react";
import { ProductImage } from "../../components/product-image";

export interface EditableImage {
  url: string;
  alt: string;
}

/** The product's pictures: upload (checked and stored by the server), describe, remove. */
export function ImageEditor({
  images,
  onChange,
  productName,
}: {
  images: EditableImage[];
  onChange: (next: EditableImage[]) => void;
  productName: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setError(null);
    setUploading(true);
    try {
      const res = await fetch("/api/admin/uploads", {
        method: "POST",
        body: file,
        headers: { "content-type": file.type || "application/octet-stream" },
      });
      const body = (await res.json()) as { url?: string; errors?: { message: string }[] };
      if (!res.ok || !body.url)
        throw new Error(body.errors?.[0]?.message ?? (res.status === 413 ? "That image is too large" : "The upload failed"));
      onChange([...images, { url: body.url, alt: productName || "Product picture" }]);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  return (
    <fieldset>
      <legend>Pictures</legend>
      <ul className="image-list">
        {images.map((img, i) => (
          <li key={img.url}>
            <ProductImage image={img} name={productName} size="thumb" />
            <div className="field">
              <label htmlFor={`alt-${i}`}>Description of picture {i + 1}</label>
              <input
                id={`alt-${i}`}
                value={img.alt}
                onChange={(e) => onChange(images.map((x, j) => (j === i ? { ...x, alt: e.target.value } : x)))}
              />
            </div>
            <button type="button" className="link-button" onClick={() => onChange(images.filter((_, j) => j !== i))}>
              Remove picture {i + 1}
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="upload">Add a picture (PNG, JPEG, GIF or WebP)</label>
        <input
          id="upload"
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          disabled={uploading}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
        />
      </div>
      {uploading && <p role="status">Uploading…</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
