// /api/auth/* — next-auth's own endpoints (sign-in, sign-out, session, CSRF); a rate-limited
// credentials sign-in is answered 429 with Retry-After before next-auth sees it.
import { handlers } from "@/lib/auth/next-auth";
import { getDb } from "@/lib/db/client";
import { LOGIN_LIMITS, loginSubjects, rateLimitRetryAfter } from "@/lib/http/rate-limit";
import { clientIp } from "@/lib/http/request-actor";

export const { GET } = handlers;

export async function POST(req: Request) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const subjects = loginSubjects(clientIp(req), String(form?.get("login") ?? ""));
    const db = await getDb();
    const wait = Math.max(
      await rateLimitRetryAfter(db, LOGIN_LIMITS.perIp, subjects.perIp),
      await rateLimitRetryAfter(db, LOGIN_LIMITS.perAccount, subjects.perAccount),
    );
    if (wait)
      return Response.json(
        { error: "rate_limited", retryAfterSeconds: wait },
        { status: 429, headers: { "retry-after": String(wait) } },
      );
  }
  return handlers.POST(req as Parameters<typeof handlers.POST>[0]);
}
