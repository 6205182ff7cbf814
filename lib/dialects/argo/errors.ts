import type { Dialect } from "@/lib/http/dialect";

/**
 * ARGO's message for a validation error is its first constraint's text ("name may not be empty."): when the
 * first field's message names that field, it is the message; otherwise "Invalid <fields>: <first message>".
 */
function argoMessage(message: string, fields: Record<string, string[]> | undefined): string {
  const [first] = Object.keys(fields ?? {});
  const text = first ? fields![first][0] : undefined;
  return text && text.startsWith(`${first} `) ? text : message;
}

// ARGO accounting: `{code, message}`; field errors are listed under `errors`.
export const argoDialect: Dialect = {
  name: "argo",
  authScheme: "Bearer",
  body: { emptyMessage: "The request body is empty.", unsupportedTypeMessage: "Cannot consume content type." },
  errorBody: (err, status, correlationId) => {
    const fields = err.fieldErrors && Object.keys(err.fieldErrors).length ? err.fieldErrors : undefined;
    const message = err.code === "validation" ? argoMessage(err.message, fields) : err.message;
    return { code: status, message, ...(fields ? { errors: fields } : {}), correlation_id: correlationId };
  },
};
