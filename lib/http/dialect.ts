import type { AppError } from "@/lib/errors/app-error";

/** An API dialect supplies its own error body; everything else about errors is shared. */
export type Dialect = {
  name: "portal" | "ucloud" | "waldur" | "argo" | "cloudcockpit";
  errorBody(err: AppError, status: number, correlationId: string): unknown;
  /** Dialects whose clients send `Token x` (Waldur) still accept Bearer; this names the challenge. */
  authScheme: "Bearer" | "Token";
};
