import { and, desc, eq } from "drizzle-orm";
import { apiTokens, type ApiTokenRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import type { ApiTokenOutput } from "./schemas";

export function tokenStatus(t: ApiTokenRow, now = new Date()): ApiTokenOutput["status"] {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && t.expiresAt <= now) return "expired";
  return "active";
}

export const toApiTokenOutput = (t: ApiTokenRow): ApiTokenOutput => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
  status: tokenStatus(t),
});

export async function listApiTokens(db: Executor, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function findApiToken(db: Executor, userId: string, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id)));
  return row;
}
