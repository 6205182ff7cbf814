import type { Dialect } from "@/lib/http/dialect";
import { reasonPhrase } from "@/lib/http/status";

/** The portal's own API uses CloudCockpit's error body (SPEC §2). */
export const portalDialect: Dialect = {
  name: "portal",
  authScheme: "Bearer",
  errorBody: (err, status, correlationId) => ({
    statusCode: status,
    type: err.extra?.type ?? reasonPhrase[status] ?? "Error",
    description: err.message,
    correlationId,
    errors: Object.entries(err.fieldErrors ?? {}).map(([propertyName, description]) => ({ propertyName, description })),
  }),
};
