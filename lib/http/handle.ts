import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { logRequest } from "./access-log";
import { runIdempotent } from "./idempotency";
import type { Operation } from "./operation";
import { requestOrigin } from "./origin";
import { hitRateLimit } from "./rate-limit";
import {
  assertStorableText,
  DEFAULT_MAX_BODY_BYTES,
  isJsonContentType,
  parseJsonBody,
  readBodyText,
} from "./read-body";
import { clientAddress } from "./client-address";
import { requestActor } from "./request-actor";
import { parseHeaders } from "./request-headers";
import { statusOf } from "./status";
import { errorForLog } from "@/lib/errors/log";
import { config } from "@/lib/config";

type Infer<T> = [Exclude<T, undefined>] extends [never] ? undefined : z.infer<Exclude<T, undefined> & z.ZodType>;

export type HandlerContext<O extends Operation> = {
  req: Request;
  db: Db;
  actor: O["auth"] extends "required" ? Actor : Actor | null;
  correlationId: string;
  ip: string;
  body: Infer<O["body"]>;
  query: Infer<O["query"]>;
  params: Infer<O["params"]>;
  headers: Infer<O["headers"]>;
  /** Raw body text, for `bodyFormat: "raw"` operations. */
  rawBody: string;
  /**
   * Work that must wait until the request's writes are committed (kicking an outbox, …). It runs once the
   * handler answered < 500 — with an Idempotency-Key, after the transaction that holds the request's
   * writes and its stored answer commits — on the process-wide database, never on `ctx.db`.
   */
  afterCommit: (task: AfterCommitTask) => void;
};

export type AfterCommitTask = (db: Db) => void | Promise<void>;

export type HandlerResult = Response | { status?: number; body?: unknown; headers?: Record<string, string> };

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

const CORRELATION_RE = /^[\w.:-]{1,128}$/;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The caller's X-Correlation-Id when it is a sane one, else a new UUID. */
export function correlationIdOf(req: Request): string {
  const incoming = req.headers.get("x-correlation-id");
  return incoming && CORRELATION_RE.test(incoming) ? incoming : randomUUID();
}

/** A browser session may only change things from our own pages: a foreign or `null` Origin is refused (CSRF). */
function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const foreign =
    origin !== null
      ? origin === "null" || origin !== requestOrigin(req)
      : site !== null && site !== "same-origin" && site !== "none";
  if (foreign) throw new AppError("forbidden", "Cross-origin request refused.");
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function toResponse(result: HandlerResult, successStatus: number): Response {
  if (result instanceof Response) return result;
  const status = result.status ?? successStatus;
  const headers = new Headers(result.headers);
  if (result.body === undefined || status === 204) return new Response(null, { status, headers });
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  const text =
    typeof result.body === "string" && !headers.get("content-type")!.includes("json")
      ? result.body
      : JSON.stringify(result.body);
  return new Response(text, { status, headers });
}

export function errorResponse(op: Pick<Operation, "dialect">, err: unknown, correlationId: string): Response {
  let appErr: AppError;
  if (err instanceof AppError) appErr = err;
  else {
    console.error(JSON.stringify({ level: "error", correlationId, msg: "unhandled error", error: errorForLog(err) }));
    appErr = new AppError("internal", "An internal error occurred. Quote the correlation id to support.");
  }
  const status = statusOf(appErr);
  const headers: Record<string, string> = { "content-type": "application/json", "x-correlation-id": correlationId };
  if (appErr.extra?.retryAfterSeconds) headers["retry-after"] = String(appErr.extra.retryAfterSeconds);
  if (status === 401) headers["www-authenticate"] = `${op.dialect.authScheme} realm="portico"`;
  return new Response(JSON.stringify(op.dialect.errorBody(appErr, status, correlationId)), { status, headers });
}

/**
 * The request pipeline every API handler uses: correlation id, rate limit, authentication, body size
 * and type, zod validation of params/query/body/headers, Idempotency-Key on POST, error mapping per dialect.
 */
export function handle<O extends Operation>(op: O, fn: (ctx: HandlerContext<O>) => Promise<HandlerResult>) {
  const run = async (req: Request, routeCtx: RouteContext | undefined, ip: string): Promise<Response> => {
    const correlationId = correlationIdOf(req);
    try {
      const db = await getDb();
      if (op.rateLimit) await hitRateLimit(db, op.rateLimit, ip);
      const actor = op.auth === "none" ? null : await requestActor(db, req);
      if (op.auth === "required" && !actor)
        throw new AppError("unauthorized", "Authentication credentials were not provided.");
      if (actor?.via === "session") assertSameOrigin(req);

      const rawParams = (await routeCtx?.params) ?? {};
      const rawQuery = queryObject(new URL(req.url));
      assertStorableText(rawParams, "path");
      assertStorableText(rawQuery, "query");
      const params = op.params ? parseWith(op.params, rawParams) : undefined;
      const query = op.query ? parseWith(op.query, rawQuery) : undefined;
      assertStorableText(params, "path"); // again after schemas that decode or transform
      assertStorableText(query, "query");
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const rawBody = hasBody ? await readBodyText(req, op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : "";
      let body: unknown = undefined;
      const rules = op.dialect.body;
      if (op.body && op.bodyFormat !== "raw" && rules && !isJsonContentType(req))
        throw new AppError("unsupported_media_type", rules.unsupportedTypeMessage);
      // The resource the path names answers 404 before anything is said about the body (ARGO's order).
      if (op.lookup) await op.lookup(db, params as never);
      if (op.body && op.bodyFormat !== "raw") {
        if (rules && rawBody.trim() === "") throw new AppError("bad_request", rules.emptyMessage);
        const json = parseJsonBody(req, rawBody, rules?.unsupportedTypeMessage);
        assertStorableText(json, "body");
        body = parseWith(op.body, json ?? {});
      } else if (!op.body && op.bodyFormat !== "raw" && rawBody.trim()) parseJsonBody(req, rawBody);
      // Headers after the body: a request wrong in both keeps getting the body's errors, as before headers were declared.
      const headers = op.headers ? parseHeaders(op.headers, req.headers) : undefined;

      const tasks: AfterCommitTask[] = [];
      const ctx = {
        req,
        db,
        actor,
        correlationId,
        ip,
        body,
        query,
        params,
        headers,
        rawBody,
        afterCommit: (t: AfterCommitTask) => void tasks.push(t),
      } as HandlerContext<O>;
      const run = async (on: Db) => toResponse(await fn({ ...ctx, db: on }), op.successStatus ?? 200);
      const key = req.method === "POST" ? req.headers.get("idempotency-key") : null;
      let res: Response;
      if (key) {
        // The request's writes and its stored answer commit in one transaction: a crash leaves both or neither.
        const scope = `${actor?.id ?? "anon:" + ip}:${req.method}:${new URL(req.url).pathname}`;
        // The handler runs in a savepoint: an error undoes its writes, and its error answer is stored instead.
        const inSavepoint = (tx: Db) =>
          tx.transaction((sp) => run(sp)).catch((err) => ((tasks.length = 0), errorResponse(op, err, correlationId)));
        const done = await runIdempotent(db, { scope, key, requestBody: rawBody }, inSavepoint);
        res = done.response;
        if (done.replayed) res.headers.set("idempotent-replayed", "true");
      } else res = await run(db);
      res.headers.set("x-correlation-id", correlationId);
      if (res.status < 500) for (const task of tasks) startAfterCommit(db, task, correlationId);
      return res;
    } catch (err) {
      return errorResponse(op, err, correlationId);
    }
  };
  return async (req: Request, routeCtx?: RouteContext): Promise<Response> => {
    const started = performance.now();
    const client = clientAddress(req.headers);
    const res = await run(req, routeCtx, client);
    if (config.logRequests) logRequest(req, res, performance.now() - started, client);
    return res;
  };
}

function startAfterCommit(db: Db, task: AfterCommitTask, correlationId: string): void {
  void Promise.resolve()
    .then(() => task(db))
    .catch((e) =>
      console.error(
        JSON.stringify({ level: "error", correlationId, msg: "after-commit task failed", error: errorForLog(e) }),
      ),
    );
}
