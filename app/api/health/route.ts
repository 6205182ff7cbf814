// GET /api/health — liveness: this process answers. No database, no authentication, no rate limit, no access
// log line (probes call it every few seconds); the floor `npm run bench:load` compares every route with.
import { correlationIdOf } from "@/lib/http/handle";

export async function GET(req: Request): Promise<Response> {
  return Response.json(
    { status: "ok" },
    { headers: { "cache-control": "no-store", "x-correlation-id": correlationIdOf(req) } },
  );
}
