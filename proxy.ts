import { NextResponse, type NextRequest } from "next/server";

// Redirects signed-out visitors of portal pages to the login page (pages check the actor themselves),
// and sets a per-request nonce Content-Security-Policy, which Next applies to its own scripts.
// API routes don't pass through here (see `config.matcher`): their headers come from next.config.js.
const PUBLIC = [
  /^\/login/,
  /^\/signup(\/|$)/,
  /^\/forgot-password$/,
  /^\/reset-password$/,
  /^\/invitations\//,
  /^\/catalogue/,
  /^\/_next\//,
  /^\/favicon/,
];

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
  if (
    !PUBLIC.some((re) => re.test(path)) &&
    !req.cookies.has("authjs.session-token") &&
    !req.cookies.has("__Secure-authjs.session-token")
  ) {
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

// Pages only: static files and the API dialects' prefixes (/api/, /v1/, /accounting-system/, /auth/) skip
// the proxy, which would otherwise cost every machine request a pass through it.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/|v1/|accounting-system/|auth/).*)"] };
