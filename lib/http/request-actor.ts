import { decode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { actorForUserId, authenticateToken } from "@/lib/auth/authenticate-token";
import type { Db } from "@/lib/db/client";
import { serverSecret } from "@/lib/crypto/server-secret";
import { AppError } from "@/lib/errors/app-error";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** The user behind a next-auth session cookie, read from the request itself (no next/headers). */
export async function sessionActor(db: Db, cookieHeader: string | null): Promise<Actor | null> {
  for (const name of SESSION_COOKIES) {
    const value = cookieValue(cookieHeader, name);
    if (!value) continue;
    const jwt = await decode({ token: value, secret: serverSecret(), salt: name }).catch(() => null);
    if (jwt?.sub) return actorForUserId(db, jwt.sub, typeof jwt.sv === "number" ? jwt.sv : 0);
  }
  return null;
}

/**
 * `Authorization: Bearer x` or `Token x` (Waldur) → the token's actor; a bad, expired or revoked
 * token is a 401 even where authentication is optional. Without the header, the session cookie.
 */
export async function requestActor(db: Db, req: Request): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^(Bearer|Token)\s+(\S+)\s*$/i.exec(header);
    if (!m)
      throw new AppError("unauthorized", "Invalid Authorization header. Use 'Bearer <token>' or 'Token <token>'.");
    const actor = await authenticateToken(db, m[2]);
    if (!actor) throw new AppError("unauthorized", "Invalid, expired or revoked token.");
    return actor;
  }
  return sessionActor(db, req.headers.get("cookie"));
}
