// /api/auth/* — next-auth's own endpoints (sign-in, sign-out, session, CSRF); a rate-limited
// credentials sign-in is answered 429 with Retry-After before next-auth sees it.
import { handlers } from "@/lib/auth/next-auth";
import { getDb } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { signInRetryAfter } from "@/lib/http/sign-in-limits";

export const { GET } = handlers;

export async function POST(req: Request) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const wait = await signInRetryAfter(await getDb(), {
      address: clientAddress(req.headers),
      login: String(form?.get("login") ?? ""),
      cookieHeader: req.headers.get("cookie"),
    });
    if (wait)
      return Response.json(
        { error: "rate_limited", retryAfterSeconds: wait },
        { status: 429, headers: { "retry-after": String(wait) } },
      );
  }
  return handlers.POST(req as Parameters<typeof handlers.POST>[0]);
}
