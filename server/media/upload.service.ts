import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError, ErrorCode } from "../graphql/errors";

/** Image types we accept, told by their first bytes (never by the name or the client's Content-Type). */
function imageType(b: Buffer): "png" | "jpg" | "gif" | "webp" | undefined {
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpg";
  if (b.length > 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString("latin1"))) return "gif";
  if (b.length > 12 && b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  return undefined;
}

/** Thrown for a file that isn't one of the image types we take (HTTP 415). */
export class UnsupportedImage extends AppError {
  constructor() {
    super(ErrorCode.BAD_USER_INPUT, "Only PNG, JPEG, GIF and WebP images can be uploaded", { field: "file" });
  }

  override get httpStatus(): number {
    return 415;
  }
}

/** Product pictures the owner uploads, stored under UPLOAD_DIR and served under /media/uploads/. */
export class UploadService {
  constructor(private readonly dir: string) {}

  /** Stores an image under a new random name; returns its URL. */
  async save(body: Buffer): Promise<string> {
    if (body.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, "Send the image file as the request body", { field: "file" });
    const ext = imageType(body);
    if (!ext) throw new UnsupportedImage();
    await fs.promises.mkdir(this.dir, { recursive: true });
    const name = `${randomUUID()}.${ext}`;
    await fs.promises.writeFile(path.join(this.dir, name), body);
    return `/media/uploads/${name}`;
  }
}
