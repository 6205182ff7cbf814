import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { assertStorableText } from "./read-body";

/**
 * The headers an operation declares, read case-insensitively and validated with its schema. A blank
 * header counts as absent. Errors name the header as the field: a missing required one says
 * "The <name> header is required: <description>", an invalid one "Invalid <name> header: <issue>".
 */
export function parseHeaders<S extends z.ZodObject>(schema: S, headers: Headers): z.infer<S> {
  const raw: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) raw[name] = headers.get(name)?.trim() || undefined;
  assertStorableText(raw, "header");
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  let message: string | undefined;
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "header");
    const about = (schema.shape[name] as z.ZodType | undefined)?.description;
    const missing = name in raw && raw[name] === undefined;
    (fields[name] ??= []).push(missing ? `Required${about ? `: ${about}` : "."}` : issue.message);
    message ??= missing
      ? `The ${name} header is required${about ? `: ${about}` : "."}`
      : `Invalid ${name} header: ${issue.message}`;
  }
  throw new AppError("bad_request", message!, fields);
}
