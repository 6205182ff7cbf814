import fs from "node:fs/promises";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

const MAX_BYTES = 20 * 1024 * 1024;

/** One provider as the catalogue describes it (EOSC Resource Catalogue style: extra fields are kept, not used). */
export const catalogueProvider = z.looseObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._~-]*$/),
  name: z.string().trim().min(1).max(300),
  website: z.string().trim().max(2000).nullish(),
  abbreviation: z.string().trim().max(100).nullish(),
  logo: z.string().trim().max(2000).nullish(),
});
export type CatalogueProvider = z.infer<typeof catalogueProvider>;

/** The records of a catalogue document: a bare array, `{results: [...]}`, and records wrapped as `{provider: {...}}`. */
export function catalogueRecords(doc: unknown): unknown[] {
  const list = Array.isArray(doc)
    ? doc
    : doc && typeof doc === "object" && Array.isArray((doc as { results?: unknown }).results)
      ? (doc as { results: unknown[] }).results
      : null;
  if (!list)
    throw new AppError(
      "bad_request",
      "The catalogue is not a list of providers (expected an array or {results: [...]}).",
    );
  return list.map((r) =>
    r && typeof r === "object" && "provider" in r && typeof (r as { provider: unknown }).provider === "object"
      ? (r as { provider: unknown }).provider
      : r,
  );
}

/** Reads the catalogue from an http(s) URL or a local file, with a timeout and a size limit. */
export async function fetchCatalogue(source: string): Promise<unknown> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, {
      signal: AbortSignal.timeout(30_000),
      headers: { accept: "application/json" },
    }).catch((e: unknown) => {
      throw new AppError(
        "bad_request",
        `The catalogue at ${source} could not be reached (${e instanceof Error ? e.name : "error"}).`,
      );
    });
    if (!res.ok) throw new AppError("bad_request", `The catalogue at ${source} answered ${res.status}.`);
    text = await res.text();
  } else {
    const file = source.startsWith("file://") ? new URL(source) : source;
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) throw new AppError("bad_request", `The catalogue file ${source} does not exist.`);
    if (stat.size > MAX_BYTES) throw new AppError("payload_too_large", "The catalogue file is too large.");
    text = await fs.readFile(file, "utf8");
  }
  if (text.length > MAX_BYTES) throw new AppError("payload_too_large", "The catalogue is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The catalogue is not valid JSON.");
  }
}
