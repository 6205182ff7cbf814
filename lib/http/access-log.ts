/**
 * The access log: one JSON line per API request with its correlation id, the client's address (as
 * `clientAddress` finds it, never a forwarding header as sent), method, path (never the query string or a
 * header, which can carry tokens), status and duration. Lines go straight to stdout — not through
 * `console`, which Next.js wraps — and the lines of one turn of the event loop leave in one write.
 */
const pending: string[] = [];

export function flushAccessLog(): void {
  if (!pending.length) return;
  const text = pending.join("");
  pending.length = 0;
  process.stdout.write(text);
}

let exitHooked = false;

export function logRequest(req: Request, res: Response, ms: number, client: string): void {
  const line = {
    level: res.status >= 500 ? "error" : "info",
    msg: "request",
    correlationId: res.headers.get("x-correlation-id"),
    client,
    method: req.method,
    path: pathOf(req.url),
    status: res.status,
    ms: Math.round(ms * 10) / 10,
  };
  if (!pending.length) setImmediate(flushAccessLog);
  if (!exitHooked) {
    exitHooked = true;
    process.once("exit", flushAccessLog);
  }
  pending.push(JSON.stringify(line) + "\n");
}

/** The path of an absolute URL, without parsing all of it. */
function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}
