import { argoDialect } from "@/lib/dialects/argo/errors";
import { cloudcockpitDialect } from "@/lib/dialects/cloudcockpit/errors";
import { portalDialect } from "@/lib/dialects/portal/errors";
import { ucloudDialect } from "@/lib/dialects/ucloud/errors";
import { waldurDialect } from "@/lib/dialects/waldur/errors";
import type { Dialect } from "@/lib/http/dialect";
import type { Operation } from "@/lib/http/operation";

const segments = (path: string) => path.split("/").filter(Boolean);

/** How many leading segments an operation's path shares with a request path (`{param}` matches any segment). */
function sharedSegments(opPath: string, path: string[]): number {
  const op = segments(opPath);
  let n = 0;
  while (n < op.length && n < path.length && (op[n] === path[n] || /^\{.+\}$/.test(op[n]))) n++;
  return n;
}

/**
 * Whose error shape an unknown path under an API prefix answers in: the dialect of the served operation
 * it shares most leading segments with (at least the prefix and the next one: `/api/customers/x/y/` is
 * Waldur's, `/api/providers/x` UCloud's); otherwise the prefix's own — a trailing slash under `/api/` is
 * Waldur's path style, the rest of `/api/` the portal's.
 */
export function dialectOfPath(path: string, ops: Operation[]): Dialect {
  const parts = segments(path);
  let best: { n: number; dialect: Dialect } = { n: 1, dialect: prefixDialect(path) };
  for (const op of ops) {
    const n = sharedSegments(op.path, parts);
    if (n > best.n) best = { n, dialect: op.dialect };
  }
  return best.dialect;
}

function prefixDialect(path: string): Dialect {
  if (path.startsWith("/auth/")) return ucloudDialect;
  if (path.startsWith("/accounting-system/")) return argoDialect;
  if (path.startsWith("/v1/")) return cloudcockpitDialect;
  return path.endsWith("/") ? waldurDialect : portalDialect;
}
