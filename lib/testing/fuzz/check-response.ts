/** Whether an error body is in the dialect's own shape and carries the correlation id where that shape has one. */
export function errorShapeProblem(
  dialect: string,
  status: number,
  body: unknown,
  correlationId: string,
): string | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "error body is not a JSON object";
  const b = body as Record<string, unknown>;
  switch (dialect) {
    case "portal":
    case "cloudcockpit":
      if (b.statusCode !== status || typeof b.description !== "string" || !Array.isArray(b.errors))
        return "not {statusCode, type, description, correlationId, errors}";
      return b.correlationId === correlationId ? null : "correlationId missing or wrong";
    case "ucloud":
      if (typeof b.why !== "string" || typeof b.errorCode !== "string") return "not {why, errorCode}";
      return b.correlationId === correlationId ? null : "correlationId missing or wrong";
    case "argo":
      if (b.code !== status || typeof b.message !== "string") return "not {code, message}";
      return b.correlation_id === correlationId ? null : "correlation_id missing or wrong";
    case "waldur":
      if ("detail" in b) return typeof b.detail === "string" ? null : "detail is not a string";
      return Object.values(b).every((v) => Array.isArray(v) || (v && typeof v === "object"))
        ? null
        : "not {field: [messages]} nor {detail}";
    default:
      return `unknown dialect ${dialect}`;
  }
}
