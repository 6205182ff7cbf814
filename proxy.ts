import { NextResponse, type NextRequest } from "next/server";

// Only redirects: signed-out visitors of portal pages go to the login page. Pages check the actor themselves.
const PUBLIC = [/^\/login/, /^\/api\//, /^\/v1\//, /^\/accounting-system\//, /^\/auth\//, /^\/catalogue/, /^\/_next\//, /^\/favicon/];

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const headers = new Headers(req.headers);
  headers.set("x-portico-path", path + req.nextUrl.search);
  if (!PUBLIC.some((re) => re.test(path)) && !req.cookies.has("authjs.session-token") && !req.cookies.has("__Secure-authjs.session-token")) {
    const url = new URL("/login", req.url);
    url.searchParams.set("callbackUrl", path + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
