import type { Dialect } from "@/lib/http/dialect";
import { reasonPhrase } from "@/lib/http/status";

// UCloud answers `{why, errorCode}`; the correlation id rides along for support.
export const ucloudDialect: Dialect = {
  name: "ucloud",
  authScheme: "Bearer",
  errorBody: (err, status, correlationId) => {
    const fields = Object.entries(err.fieldErrors ?? {});
    const why = fields.length ? fields.map(([f, m]) => `${f}: ${m.join(" ")}`).join("; ") : err.message;
    return {
      why,
      errorCode: (err.extra?.type ?? reasonPhrase[status] ?? "ERROR").toUpperCase().replace(/\W+/g, "_"),
      correlationId,
    };
  },
};
