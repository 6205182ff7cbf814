import { AppError } from "@/lib/errors/app-error";
import type { Dialect } from "./dialect";
import { handle } from "./handle";
import { defineOperation, type HttpMethod } from "./operation";

type Handler = (req: Request) => Promise<Response>;

/**
 * Route handlers for paths no operation serves under an API prefix: a JSON 404 in the dialect's own error
 * shape, with the correlation id and an access-log line like every API answer (Next would send its HTML page).
 */
export function unknownPathHandlers(dialectOf: (path: string) => Dialect): Record<HttpMethod, Handler> {
  const byDialect = new Map<string, Handler>();
  const handlerFor = (dialect: Dialect): Handler => {
    let h = byDialect.get(dialect.name);
    if (!h) {
      const op = defineOperation({
        method: "GET",
        path: "/{path*}",
        dialect,
        summary: "Unknown API path",
        tags: [],
        auth: "none",
        bodyFormat: "raw",
      });
      h = handle(op, async ({ req }) => {
        throw new AppError("not_found", `No API operation at ${req.method} ${new URL(req.url).pathname}.`);
      });
      byDialect.set(dialect.name, h);
    }
    return h;
  };
  const answer: Handler = (req) => handlerFor(dialectOf(new URL(req.url).pathname))(req);
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}
