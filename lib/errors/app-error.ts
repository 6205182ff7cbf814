export type ErrorCode =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "gone"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "rate_limited"
  | "internal";

export type FieldErrors = Record<string, string[]>;

/** The one error type domain code throws; lib/http maps `code` to a status and the dialect shapes the body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly extra?: { retryAfterSeconds?: number; status?: number; type?: string },
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
export const forbidden = (message = "You do not have permission to perform this action.") =>
  new AppError("forbidden", message);
