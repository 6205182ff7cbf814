import { NextResponse, type NextRequest } from "next/server";

// Redirects signed-out visitors of portal pages to the login page (pages check the actor themselves),
// and sets a per-request nonce Content-Security-Policy, which Next applies to its own scripts.
const PUBLIC = [/^\/login/, /^\/api\//, /^\/v1\//, /^\/accounting-system\//, /^\/auth\//, /^\/catalogue/, /^\/_next\//, /^\/favicon/];
const API = [/^\/api\//, /^\/v1\//, /^\/accounting-system\//, /^\/auth\//];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (API.some((re) => re.test(path))) {
    const res = NextResponse.next();
    res.headers.set("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
    return res;
  }
  if (!PUBLIC.some((re) => re.test(path)) && !req.cookies.has("authjs.session-token") && !req.cookies.has("__Secure-authjs.session-token")) {
    const url = new URL("/login", req.url);
    url.searchParams.set("callbackUrl", path + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set("x-portico-path", path + req.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
