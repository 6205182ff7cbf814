/** The SQLSTATE of a database error, however the driver (pg, PGlite) or drizzle wrapped it. */
export function pgErrorCode(e: unknown): string | undefined {
  for (
    let cur = e as { code?: unknown; cause?: unknown } | undefined, i = 0;
    cur && i < 5;
    cur = cur.cause as typeof cur, i++
  ) {
    if (typeof cur.code === "string" && /^[0-9A-Z]{5}$/.test(cur.code)) return cur.code;
  }
  return undefined;
}

export const isUniqueViolation = (e: unknown) => pgErrorCode(e) === "23505";
export const isForeignKeyViolation = (e: unknown) => pgErrorCode(e) === "23503";
