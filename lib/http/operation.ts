import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Dialect } from "./dialect";
import type { RateLimit } from "./rate-limit";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API operation: what the handler validates with and what the OpenAPI document shows are the
 * same zod schemas. Route files pass an operation to `handle`; area operation lists feed openapi.
 */
type Schema = z.ZodType | undefined;
/** Request headers an operation reads: an object schema keyed by the header's name as documented (`X-Tenant`). */
export type HeaderSchema = z.ZodObject | undefined;
export type AuthMode = "none" | "optional" | "required";

export type Operation<
  B extends Schema = Schema,
  Q extends Schema = Schema,
  P extends Schema = Schema,
  A extends AuthMode = AuthMode,
  H extends HeaderSchema = HeaderSchema,
> = {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/tokens/{id}`. */
  path: string;
  dialect: Dialect;
  summary: string;
  tags: string[];
  /** none: anonymous allowed and ignored; optional: actor when given; required: 401 without one. */
  auth: A;
  body?: B;
  /** `json` (default) or `raw`: the handler reads the body itself (NDJSON/CSV uploads). */
  bodyFormat?: "json" | "raw";
  query?: Q;
  params?: P;
  /**
   * Headers validated like params and query (looked up case-insensitively; a blank value counts as
   * absent). A missing required one answers 400 "The <name> header is required: <its description>".
   */
  headers?: H;
  response?: z.ZodType;
  successStatus?: number;
  /** Rate limit applied per client IP before anything else (unauthenticated endpoints). */
  rateLimit?: RateLimit;
  maxBodyBytes?: number;
  /**
   * Looks up what the path names (throwing its 404) after authentication and before the body is read,
   * so a missing resource is reported before an empty or invalid body, as ARGO does.
   */
  lookup?: (db: Db, params: P extends z.ZodType ? z.infer<P> : undefined) => Promise<unknown>;
};

export function defineOperation<
  B extends Schema = undefined,
  Q extends Schema = undefined,
  P extends Schema = undefined,
  A extends AuthMode = AuthMode,
  H extends HeaderSchema = undefined,
>(op: Operation<B, Q, P, A, H>): Operation<B, Q, P, A, H> {
  return op;
}
