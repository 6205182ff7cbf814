import type { Operation } from "@/lib/http/operation";

export type RouteModule = Record<string, unknown>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** `app/api/tokens/[id]/route.ts` → `/api/tokens/{id}`; route groups vanish; a trailing slash does not matter. */
export function routePathOf(file: string): string {
  const p = file
    .replace(/^.*?\/app\//, "/")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[\.\.\.(\w+)\]$/, "{$1*}").replace(/^\[(\w+)\]$/, "{$1}"))
    .join("/");
  return p || "/";
}

const norm = (p: string) => (p.length > 1 ? p.replace(/\/$/, "") : p);

/** Finds the handler of each operation among the app's route modules. */
export function handlerFor(op: Operation, modules: Record<string, RouteModule>): Handler | undefined {
  for (const [file, mod] of Object.entries(modules)) {
    if (norm(routePathOf(file)) === norm(op.path) && typeof mod[op.method] === "function")
      return mod[op.method] as Handler;
  }
  return undefined;
}
