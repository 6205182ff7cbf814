import { randomUUID } from "node:crypto";
import { organisationMembers, organisations, users, type UserRow } from "@/drizzle/schema";
import type { Actor, GlobalRole } from "@/lib/auth/actor";
import { getDb, type Db } from "@/lib/db/client";
import { insertApiToken } from "@/lib/tokens/create-api-token";
import { hashPassword } from "@/lib/users/passwords";

export const unique = (prefix = "t") => `${prefix}-${randomUUID().slice(0, 8)}`;

export type TestUser = { user: UserRow; token: string; actor: Actor };

/** A user with a fresh API token; every call makes new, uniquely named data. */
export async function createTestUser(
  opts: { role?: GlobalRole; kind?: "human" | "service"; password?: string } = {},
): Promise<TestUser> {
  const db = await getDb();
  const name = unique("user");
  const [user] = await db
    .insert(users)
    .values({
      email: `${name}@example.test`,
      username: name,
      name,
      role: opts.role ?? "member",
      kind: opts.kind ?? "human",
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
    })
    .returning();
  const { token } = await insertApiToken(db, user.id, { name: "test", expiresAt: null });
  return {
    user,
    token,
    actor: {
      id: user.id,
      username: user.username,
      email: user.email,
      name: user.name,
      role: user.role,
      kind: user.kind,
      via: "token",
    },
  };
}

export async function createTestOrganisation(ownerId?: string, role: "owner" | "manager" | "member" = "owner") {
  const db = await getDb();
  const slug = unique("org");
  const [org] = await db
    .insert(organisations)
    .values({ name: `Org ${slug}`, slug })
    .returning();
  if (ownerId) await db.insert(organisationMembers).values({ organisationId: org.id, userId: ownerId, role });
  return org;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a real route handler with a Request built like a client would send it. */
export async function call(
  handler: Handler,
  method: string,
  url: string,
  opts: {
    token?: string;
    scheme?: "Bearer" | "Token";
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `${opts.scheme ?? "Bearer"} ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(new URL(url, "http://portico.test"), { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: any = undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, json, text };
}

export const db = (): Promise<Db> => getDb();

/** A next-auth session cookie for the user, as the browser would send it after signing in. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const { serverSecret } = await import("@/lib/crypto/server-secret");
  const name = "authjs.session-token";
  return `${name}=${await encode({ token: { sub: userId }, secret: serverSecret(), salt: name })}`;
}
