import { and, eq, sql } from "drizzle-orm";
import { apiTokens, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { tokenDigest } from "@/lib/crypto/tokens";
import { insertApiToken } from "@/lib/tokens/create-api-token";
import { hashPassword } from "./passwords";

/**
 * Bootstrap for automation: PORTICO_ADMIN_EMAIL/PASSWORD create or update the first admin, and
 * PORTICO_ADMIN_TOKEN becomes an admin API token with exactly that value. Safe to run on every start.
 */
export async function ensureAdmin(
  db: Db,
  opts: { email: string; password?: string; token?: string; correlationId: string },
): Promise<void> {
  const email = opts.email.trim().toLowerCase();
  const passwordHash = opts.password ? await hashPassword(opts.password) : undefined;
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .for("update");
    let userId: string;
    if (existing) {
      userId = existing.id;
      await tx
        .update(users)
        .set({ role: "admin", isActive: true, ...(passwordHash ? { passwordHash } : {}), updatedAt: new Date() })
        .where(eq(users.id, userId));
    } else {
      const username = email.split("@")[0].replace(/[^a-zA-Z0-9_.@+-]/g, "") || "admin";
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
      const [row] = await tx
        .insert(users)
        .values({
          email,
          username: taken ? email : username,
          name: "Administrator",
          role: "admin",
          passwordHash: passwordHash ?? null,
        })
        .returning();
      userId = row.id;
      await recordAudit(
        tx,
        { actor: null, correlationId: opts.correlationId },
        {
          action: "user.create",
          entityType: "user",
          entityId: userId,
          actorLabel: "system",
          summary: { email, role: "admin", source: "PORTICO_ADMIN_EMAIL" },
        },
      );
    }
    if (opts.token) {
      const [tok] = await tx
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.digest, tokenDigest(opts.token)));
      if (tok && tok.userId !== userId) throw new Error("PORTICO_ADMIN_TOKEN is already the token of another user.");
      if (!tok) await insertApiToken(tx, userId, { name: "PORTICO_ADMIN_TOKEN", expiresAt: null, token: opts.token });
      else
        await tx
          .update(apiTokens)
          .set({ revokedAt: null, expiresAt: null })
          .where(and(eq(apiTokens.id, tok.id)));
    }
  });
}
