import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { welcomeAttempts, welcomeOutbox } from "@/drizzle/schema";
import { getDb, type Db } from "@/lib/db/client";
import { otherPool, restartDb } from "@/lib/testing/other-pool";
import { createTestUser, unique } from "@/lib/testing/fixtures";
import { startIntegrationModule } from "@/lib/testing/integration-module";
import { approveRegistration } from "./approve-registration";
import { requestRegistration } from "./request-registration";
import { retryWelcomeNow } from "./retry-welcome";
import { signRegistration } from "./sign-registration";
import { backoffMs, claimDueWelcomes, deliverDueWelcomes } from "./welcome-outbox";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function receiver(opts: Parameters<typeof startIntegrationModule>[0] = {}) {
  const im = await startIntegrationModule(opts);
  cleanups.push(im.close);
  return im;
}

/** A provider approved through the domain functions, its welcome aimed at `port` on 127.0.0.1. */
async function approvedProvider(port: number) {
  const db = await getDb();
  const correlationId = randomUUID();
  const sysadmin = await createTestUser();
  const admin = await createTestUser({ role: "admin" });
  const id = unique("im");
  const { token } = await requestRegistration(
    { db, actor: null, correlationId },
    {
      specification: {
        id,
        domain: "127.0.0.1",
        https: false,
        port,
        product: { id: "", category: "", provider: "ucloud_core" },
      },
      origin: "integration_module",
    },
  );
  await signRegistration({ db, actor: sysadmin.actor, correlationId }, token);
  const { outbox, provider } = await approveRegistration({ db, actor: admin.actor, correlationId }, { token });
  return { outbox, provider, token, admin };
}

const attemptsOf = async (db: Db, id: string) =>
  db.select().from(welcomeAttempts).where(eq(welcomeAttempts.outboxId, id)).orderBy(welcomeAttempts.attempt);
const messageOf = async (db: Db, id: string) =>
  (await db.select().from(welcomeOutbox).where(eq(welcomeOutbox.id, id)))[0];

describe("the welcome outbox", () => {
  it("retries with exponential backoff: fails twice, then delivers once with three attempts logged", async () => {
    const im = await receiver({ failTimes: 2 });
    const { outbox, token } = await approvedProvider(im.port);
    const db = await getDb();
    expect(outbox.status).toBe("pending"); // stored before anything was sent

    const t0 = new Date();
    expect(await deliverDueWelcomes(db, { onlyId: outbox.id, now: t0 })).toEqual([{ id: outbox.id, outcome: "retry" }]);
    const afterFirst = await messageOf(db, outbox.id);
    expect(afterFirst.nextAttemptAt.getTime() - t0.getTime()).toBe(backoffMs(1));
    expect(afterFirst.lastError).toContain("HTTP 500");
    // not due yet: nothing is sent before the backoff has passed
    expect(await deliverDueWelcomes(db, { onlyId: outbox.id, now: new Date(t0.getTime() + backoffMs(1) - 1) })).toEqual(
      [],
    );

    const t1 = afterFirst.nextAttemptAt;
    expect((await deliverDueWelcomes(db, { onlyId: outbox.id, now: t1 }))[0].outcome).toBe("retry");
    const afterSecond = await messageOf(db, outbox.id);
    expect(afterSecond.nextAttemptAt.getTime() - t1.getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    expect((await deliverDueWelcomes(db, { onlyId: outbox.id, now: afterSecond.nextAttemptAt }))[0].outcome).toBe(
      "delivered",
    );
    expect(await deliverDueWelcomes(db, { onlyId: outbox.id, now: new Date(Date.now() + 86_400_000) })).toEqual([]);

    expect(im.hits()).toBe(3);
    expect(im.received).toHaveLength(1);
    expect(im.received[0].authorization).toBe(`Bearer ${token}`);
    const log = await attemptsOf(db, outbox.id);
    expect(log.map((a) => [a.attempt, a.ok, a.httpStatus])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, true, 200],
    ]);
    expect(log[0].error).toContain("integration module not ready");
    expect(await messageOf(db, outbox.id)).toMatchObject({ status: "delivered", attempts: 3, claimId: null });
  });

  it("gives up after the attempt limit, logs why, and an admin's retry-now sends it again", async () => {
    const im = await receiver();
    await im.close(); // nobody listens on that port any more
    cleanups.pop();
    const { outbox, admin } = await approvedProvider(im.port);
    const db = await getDb();
    let now = new Date();
    for (let i = 0; i < outbox.maxAttempts; i++) {
      const [r] = await deliverDueWelcomes(db, { onlyId: outbox.id, now });
      expect(r.outcome).toBe(i === outbox.maxAttempts - 1 ? "failed" : "retry");
      now = (await messageOf(db, outbox.id)).nextAttemptAt;
    }
    const failed = await messageOf(db, outbox.id);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(await attemptsOf(db, outbox.id)).toHaveLength(outbox.maxAttempts);

    // the integration module comes back on the same port
    const back = await startIntegrationModuleOn(im.port);
    expect(await retryWelcomeNow({ db, actor: admin.actor, correlationId: randomUUID() }, outbox.id)).toBe("delivered");
    expect(back.received).toHaveLength(1);
    expect(await messageOf(db, outbox.id)).toMatchObject({ status: "delivered", attempts: outbox.maxAttempts + 1 });
    const member = await createTestUser();
    await expect(
      retryWelcomeNow({ db, actor: member.actor, correlationId: randomUUID() }, outbox.id),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("loses nothing across a restart: a worker that died mid-claim is taken over after its lease", async () => {
    const im = await receiver();
    const { outbox } = await approvedProvider(im.port);
    let db = await getDb();
    const now = new Date();
    const crashed = await claimDueWelcomes(db, now, 10, outbox.id); // claimed, then the process dies
    expect(crashed.rows).toHaveLength(1);
    db = await restartDb(db); // a real restart on PostgreSQL: a new pool on the same database
    expect(await deliverDueWelcomes(db, { onlyId: outbox.id, now })).toEqual([]); // the lease still holds
    expect(await deliverDueWelcomes(db, { onlyId: outbox.id, now: new Date(now.getTime() + 61_000) })).toEqual([
      { id: outbox.id, outcome: "delivered" },
    ]);
    expect(im.received).toHaveLength(1);
    expect(await attemptsOf(db, outbox.id)).toHaveLength(1);
  });

  it("never delivers a message twice when several workers (and, on PostgreSQL, separate pools) run at once", async () => {
    const im = await receiver({ delayMs: 150 });
    const outboxes = [];
    for (let i = 0; i < 5; i++) outboxes.push((await approvedProvider(im.port)).outbox);
    const db = await getDb();
    const ids = outboxes.map((o) => o.id);
    const second = await otherPool();
    cleanups.push(second.end);
    const other = second.db;
    const runs = await Promise.all(
      [db, other, db, other, db, other].map((d, i) => deliverDueWelcomes(d, { worker: `w${i}`, limit: 50 })),
    );
    const mine = runs.flat().filter((r) => ids.includes(r.id));
    expect(
      mine
        .filter((r) => r.outcome === "delivered")
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(im.hits()).toBe(5);
    const paths = im.received.map((r) => r.path);
    expect(new Set(paths).size).toBe(5);
    const attempts = await db.select().from(welcomeAttempts).where(inArray(welcomeAttempts.outboxId, ids));
    expect(attempts).toHaveLength(5);
  });
});

async function startIntegrationModuleOn(port: number) {
  const http = await import("node:http");
  const received: unknown[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push(req.url);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received };
}
