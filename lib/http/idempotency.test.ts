import { and, eq } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { idempotencyKeys } from "@/drizzle/schema";
import { sha256Hex } from "@/lib/crypto/tokens";
import { databaseKind, getDb } from "@/lib/db/client";
import { instanceId, instanceLockKey } from "@/lib/db/instance";
import { unique } from "@/lib/testing/fixtures";
import { claimIdempotencyKey } from "./idempotency";

async function pendingClaim(owner: string | null, body = "{}", createdAt = new Date()) {
  const db = await getDb();
  const scope = unique("scope");
  const key = unique("key");
  await db.insert(idempotencyKeys).values({ scope, key, requestHash: sha256Hex(body), owner, createdAt });
  return { db, scope, key, body };
}

describe("Idempotency-Key claims after a crash", () => {
  it("a retry takes over the claim of a process that died mid-request", async () => {
    const { db, scope, key, body } = await pendingClaim(`dead-${unique()}`);
    await expect(claimIdempotencyKey(db, scope, key, body)).resolves.toBeNull();
    const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    expect(row.owner).toBe(instanceId());
    // A second retry while this process still runs the request is told to wait.
    await expect(claimIdempotencyKey(db, scope, key, body)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("still being processed") });
  });

  it("a claim held by this running process is not taken over, nor one with another body", async () => {
    const live = await pendingClaim(instanceId());
    await expect(claimIdempotencyKey(live.db, live.scope, live.key, live.body)).rejects.toMatchObject({ code: "conflict" });
    const dead = await pendingClaim(`dead-${unique()}`);
    await expect(claimIdempotencyKey(dead.db, dead.scope, dead.key, '{"other":1}')).rejects.toMatchObject({ message: expect.stringContaining("different request body") });
  });

  it("claims without an owner (older rows) are taken over only after 15 minutes", async () => {
    const recent = await pendingClaim(null);
    await expect(claimIdempotencyKey(recent.db, recent.scope, recent.key, recent.body)).rejects.toMatchObject({ code: "conflict" });
    const old = await pendingClaim(null, "{}", new Date(Date.now() - 16 * 60_000));
    await expect(claimIdempotencyKey(old.db, old.scope, old.key, old.body)).resolves.toBeNull();
  });

  it("on PostgreSQL, a claim by another live process (holding its instance lock) is left alone", async () => {
    if ((await databaseKind()) !== "postgres") return;
    const other = `other-${unique()}`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("select pg_advisory_lock($1::bigint)", [instanceLockKey(other)]);
      const c = await pendingClaim(other);
      await expect(claimIdempotencyKey(c.db, c.scope, c.key, c.body)).rejects.toMatchObject({ code: "conflict" });
      await client.query("select pg_advisory_unlock($1::bigint)", [instanceLockKey(other)]);
      await expect(claimIdempotencyKey(c.db, c.scope, c.key, c.body)).resolves.toBeNull();
    } finally {
      await client.end();
    }
  });
});
