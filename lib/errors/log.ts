/**
 * An error as one log string: name, message and stack frames, and its causes. A failed query's
 * parameters are left out (drizzle puts them in the message), and so are the values PostgreSQL quotes in
 * its own messages (`invalid input syntax for type integer: "…"`), since they can hold anything a
 * request wrote: a stored answer with a token, a sealed secret, a password hash.
 */
export function errorForLog(e: unknown, depth = 0): string {
  if (!(e instanceof Error)) return String(e).slice(0, 2000);
  const q = e as Error & { query?: unknown; params?: unknown; severity?: unknown };
  let message = e.message.replace(/\nparams: [\s\S]*$/, "\nparams: (not logged)");
  if (typeof q.query === "string" && e.message.startsWith("Failed query:"))
    message = `Failed query: ${q.query} (${Array.isArray(q.params) ? q.params.length : 0} parameters, not logged)`;
  else if (typeof q.severity === "string") message = message.replace(/: "(?:[^"\\]|\\.)*"/g, ': "(value not logged)"');
  const frames = (e.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 15);
  const out = [`${e.name}: ${message}`, ...frames];
  if (e.cause !== undefined && depth < 5) out.push(`Caused by: ${errorForLog(e.cause, depth + 1)}`);
  return out.join("\n");
}
