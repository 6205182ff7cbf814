import type { AppError } from "@/lib/errors/app-error";

/** An API dialect supplies its own error body; everything else about errors is shared. */
export type Dialect = {
  name: "portal" | "ucloud" | "waldur" | "argo" | "cloudcockpit";
  errorBody(err: AppError, status: number, correlationId: string): unknown;
  /** Dialects whose clients send `Token x` (Waldur) still accept Bearer; this names the challenge. */
  authScheme: "Bearer" | "Token";
  /**
   * Where an operation takes a JSON body: ARGO answers 415 with its own text for any other content type
   * (an empty body included) and 400 for an empty body; dialects without this accept an empty body as `{}`.
   */
  body?: { emptyMessage: string; unsupportedTypeMessage: string };
};
