import { and, eq } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { appSettings, idempotencyKeys } from "@/drizzle/schema";
import { sha256Hex } from "@/lib/crypto/tokens";
import { databaseKind, getDb } from "@/lib/db/client";
import { instanceId, instanceLockKey } from "@/lib/db/instance";
import { portalDialect } from "@/lib/dialects/portal/errors";
import { AppError } from "@/lib/errors/app-error";
import { call, createTestUser, unique } from "@/lib/testing/fixtures";
import { handle, type HandlerContext, type HandlerResult } from "./handle";
import { claimIdempotencyKey, runIdempotent } from "./idempotency";
import { defineOperation } from "./operation";

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
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    expect(row.owner).toBe(instanceId());
    // A second retry while this process still runs the request is told to wait.
    await expect(claimIdempotencyKey(db, scope, key, body)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("still being processed"),
    });
  });

  it("a claim held by this running process is not taken over, nor one with another body", async () => {
    const live = await pendingClaim(instanceId());
    await expect(claimIdempotencyKey(live.db, live.scope, live.key, live.body)).rejects.toMatchObject({
      code: "conflict",
    });
    const dead = await pendingClaim(`dead-${unique()}`);
    await expect(claimIdempotencyKey(dead.db, dead.scope, dead.key, '{"other":1}')).rejects.toMatchObject({
      message: expect.stringContaining("different request body"),
    });
  });

  it("claims without an owner (older rows) are taken over only after 15 minutes", async () => {
    const recent = await pendingClaim(null);
    await expect(claimIdempotencyKey(recent.db, recent.scope, recent.key, recent.body)).rejects.toMatchObject({
      code: "conflict",
    });
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

// ---------------------------------------------------------------------------------------------------
// The whole pipeline: the request's writes and its stored answer commit together or not at all.

const op = defineOperation({
  method: "POST",
  path: "/test/idempotent",
  dialect: portalDialect,
  summary: "test",
  tags: ["test"],
  auth: "required",
  body: z.object({ name: z.string() }),
  successStatus: 201,
});

async function rowsNamed(name: string) {
  return (await getDb()).select().from(appSettings).where(eq(appSettings.key, name));
}

async function storedClaims(key: string) {
  return (await getDb()).select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
}

/** A route whose handler writes one row named after the body, then answers as `answer` says for this run. */
function writingRoute(
  answer: (run: number, ctx: HandlerContext<typeof op>) => Promise<HandlerResult | void> | HandlerResult | void = () =>
    undefined,
) {
  let runs = 0;
  const POST = handle(op, async (ctx) => {
    const run = ++runs;
    await ctx.db.insert(appSettings).values({ key: ctx.body.name, value: { run } });
    return (await answer(run, ctx)) ?? { body: { name: ctx.body.name, run } };
  });
  return { POST, runs: () => runs };
}

async function setup() {
  const { token } = await createTestUser();
  const name = unique("idem");
  const key = unique("key");
  const send = (POST: ReturnType<typeof handle>, k = key) =>
    call(POST, "POST", "/test/idempotent", { token, body: { name }, headers: { "idempotency-key": k } });
  return { name, key, send };
}

describe("an Idempotency-Key request commits its writes and its answer together", () => {
  it("replays the first answer with the same status, body and headers, without running again", async () => {
    const { name, key, send } = await setup();
    const route = writingRoute(() => ({
      status: 201,
      body: { name, at: "first" },
      headers: { "cache-control": "no-store" },
    }));
    const first = await send(route.POST);
    const again = await send(route.POST);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("cache-control")).toBe("no-store");
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(route.runs()).toBe(1);
    expect(await rowsNamed(name)).toHaveLength(1);
    expect((await storedClaims(key))[0]).toMatchObject({ status: 201, responseBody: first.text });
  });

  it("when the answer cannot be stored, the request's writes roll back with it and the retry runs once", async () => {
    const { name, key, send } = await setup();
    // PostgreSQL refuses a NUL character in text: storing the first answer fails after the row was written.
    const route = writingRoute((run) =>
      run === 1 ? { body: "not\u0000storable", headers: { "content-type": "text/plain" } } : undefined,
    );
    const first = await send(route.POST);
    expect(first.status).toBe(500);
    expect(await rowsNamed(name)).toHaveLength(0);
    expect(await storedClaims(key)).toHaveLength(0);
    const retry = await send(route.POST);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual({ name, run: 2 });
    expect(await rowsNamed(name)).toEqual([expect.objectContaining({ value: { run: 2 } })]);
    const replay = await send(route.POST);
    expect(replay.text).toBe(retry.text);
    expect(route.runs()).toBe(2);
  });

  it("an error answer undoes the handler's writes and is replayed; a server error frees the key", async () => {
    const { name, send } = await setup();
    const refused = writingRoute(() => {
      throw new AppError("conflict", "Refused after writing.");
    });
    const first = await send(refused.POST);
    expect(first.status).toBe(409);
    expect(await rowsNamed(name)).toHaveLength(0);
    const again = await send(refused.POST);
    expect([again.status, again.text, again.headers.get("idempotent-replayed")]).toEqual([409, first.text, "true"]);
    expect(refused.runs()).toBe(1);

    const other = await setup();
    const crashing = writingRoute((run) => {
      if (run === 1) throw new Error("boom");
    });
    expect((await other.send(crashing.POST)).status).toBe(500);
    expect(await rowsNamed(other.name)).toHaveLength(0);
    expect(await storedClaims(other.key)).toHaveLength(0);
    expect((await other.send(crashing.POST)).status).toBe(201);
    expect(await rowsNamed(other.name)).toHaveLength(1);
  });

  it("concurrent duplicates: one runs, every other one replays its answer", async () => {
    const { name, send } = await setup();
    const route = writingRoute(async () => void (await new Promise((r) => setTimeout(r, 150))));
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(route.POST)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(5);
    expect(route.runs()).toBe(1);
    expect(await rowsNamed(name)).toHaveLength(1);
  });

  it("the handler's own transactions nest as savepoints: a failed one is undone, the rest commits", async () => {
    const { name, send } = await setup();
    const route = writingRoute(async (_run, ctx) => {
      const inner = ctx.db.transaction(async (tx) => {
        await tx.insert(appSettings).values({ key: `${name}-inner`, value: {} });
        throw new AppError("conflict", "inner refused");
      });
      await expect(inner).rejects.toThrow("inner refused");
      await ctx.db.transaction((tx) => tx.insert(appSettings).values({ key: `${name}-kept`, value: {} }));
    });
    expect((await send(route.POST)).status).toBe(201);
    expect(await rowsNamed(`${name}-inner`)).toHaveLength(0);
    expect(await rowsNamed(`${name}-kept`)).toHaveLength(1);
    expect(await rowsNamed(name)).toHaveLength(1);
  });

  it("after-commit work runs once the writes are committed, on the process-wide database, and not after a failure", async () => {
    const seen: number[] = [];
    let done!: () => void;
    const ran = new Promise<void>((r) => (done = r));
    const { name, send } = await setup();
    const route = writingRoute((run, ctx) => {
      ctx.afterCommit(async (db) => {
        expect(db).toBe(await getDb());
        seen.push((await rowsNamed(name)).length);
        done();
      });
      if (run === 1) throw new AppError("bad_request", "not this time");
    });
    const other = await setup();
    expect((await send(route.POST, other.key)).status).toBe(400);
    expect((await send(route.POST)).status).toBe(201);
    await ran;
    expect(seen).toEqual([1]);
  });

  it("on PostgreSQL, a duplicate that waits longer than its limit is told the first is still being processed", async () => {
    if ((await databaseKind()) !== "postgres") return;
    const db = await getDb();
    const claim = { scope: unique("scope"), key: unique("key"), requestBody: "{}" };
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("begin");
      await client.query("insert into idempotency_keys (scope, key, request_hash, owner) values ($1, $2, $3, $4)", [
        claim.scope,
        claim.key,
        sha256Hex("{}"),
        instanceId(),
      ]);
      const run = vi.fn(async () => new Response("{}", { status: 201 }));
      await expect(runIdempotent(db, { ...claim, waitMs: 300 }, run)).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("still being processed"),
      });
      expect(run).not.toHaveBeenCalled();
      await client.query("rollback");
      // The first request rolled back: the key is free and the next attempt runs.
      await expect(runIdempotent(db, claim, run)).resolves.toMatchObject({ replayed: false });
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      await client.end();
    }
  });
});
