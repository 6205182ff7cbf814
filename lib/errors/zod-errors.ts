import { z } from "zod";
import { AppError, type FieldErrors } from "./app-error";

/** Every zod issue, grouped by field path (never just the first one). */
export function fieldErrorsOf(error: z.ZodError, prefix?: string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const parts = [prefix, ...issue.path.map(String)].filter((p): p is string => Boolean(p));
    const key = parts.length ? parts.join(".") : "non_field_errors";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(error: z.ZodError, prefix?: string): AppError {
  const fields = fieldErrorsOf(error, prefix);
  const names = Object.keys(fields);
  return new AppError("validation", `Invalid ${names.join(", ")}: ${fields[names[0]]?.[0] ?? "invalid input"}`, fields);
}

/** Parse or throw a validation AppError — the way every boundary applies its zod schema. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, prefix?: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}

/** A required text field with ARGO's texts: missing or blank "<field> may not be empty."; another type is named. */
export const requiredText = (field: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input == null ? `${field} may not be empty.` : `${field} must be a string.`) })
    .trim()
    .min(1, `${field} may not be empty.`)
    .max(max, `${field} may be at most ${max} characters.`);
