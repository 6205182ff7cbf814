import { AppError } from "@/lib/errors/app-error";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Reads the body as text, refusing more than `limit` bytes (413) without buffering all of it. */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") || 0);
  if (declared > limit) throw new AppError("payload_too_large", `Request body exceeds ${limit} bytes.`);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", `Request body exceeds ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

export const isJsonContentType = (req: Request) =>
  (req.headers.get("content-type") || "").toLowerCase().includes("json");

/** JSON bodies must say so (415 otherwise) and parse (400 otherwise). An empty body is `undefined`. */
export function parseJsonBody(req: Request, text: string, unsupportedTypeMessage?: string): unknown {
  if (text.trim() === "") return undefined;
  const type = (req.headers.get("content-type") || "").toLowerCase();
  if (!isJsonContentType(req))
    throw new AppError(
      "unsupported_media_type",
      unsupportedTypeMessage ?? `Unsupported content type '${type || "none"}'. Send application/json.`,
    );
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Malformed JSON in request body.");
  }
}

// PostgreSQL cannot store NUL characters in text, nor unpaired UTF-16 surrogates in jsonb: refuse
// them at the boundary, naming the field, instead of failing deep inside a query.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws a 400 naming the first field whose text PostgreSQL could not store. */
export function assertStorableText(value: unknown, where: string, path: string[] = [], depth = 0): void {
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) {
      const field = path.join(".") || where;
      throw new AppError("validation", `Invalid ${field}: contains a NUL character or invalid unicode.`, {
        [field]: ["Contains a NUL character or invalid unicode."],
      });
    }
    return;
  }
  if (depth > 64 || value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    if (UNSTORABLE.test(k))
      throw new AppError("validation", `Invalid ${where}: a key contains a NUL character or invalid unicode.`, {
        [where]: ["A key contains a NUL character or invalid unicode."],
      });
    assertStorableText(v, where, [...path, k], depth + 1);
  }
}
