import type { Dialect } from "@/lib/http/dialect";

// ARGO accounting: `{code, message}`; field errors are folded into the message and listed.
export const argoDialect: Dialect = {
  name: "argo",
  authScheme: "Bearer",
  errorBody: (err, status, correlationId) => {
    const fields = err.fieldErrors && Object.keys(err.fieldErrors).length ? err.fieldErrors : undefined;
    return { code: status, message: err.message, ...(fields ? { errors: fields } : {}), correlation_id: correlationId };
  },
};
