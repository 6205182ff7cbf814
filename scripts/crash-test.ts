// Crash safety, end to end: the built server (`scripts/server.mjs`, as `npm start` runs it) is killed with SIGKILL (its whole process
// group) in the middle of (a) ARGO bulk usage ingestion, (b) UCloud approvals whose welcome messages are
// pending because the integration module is down, (c) Waldur offering activations and (d) a burst of small
// creations (usage records, projects, customers). After each restart it proves over HTTP that nothing is
// half-written, that every retry with the same Idempotency-Key answers like a first success (the stored
// answer replayed, or a fresh run when nothing had committed; never "already exists"), that nothing is
// lost or counted twice, and that pending welcome deliveries resume and arrive exactly once. Runs on
// embedded PGlite in a temporary directory, and also on a fresh PostgreSQL database when DATABASE_URL is set. Exits non-zero on any violation.
//
//   node --import tsx scripts/crash-test.ts          (needs a build: `npm run build` or `npm start`)
//   CRASH_ROWS=10000 CRASH_DB=pglite|postgres|both    (defaults: 10000 rows per batch; both when DATABASE_URL is set)
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "../lib/db/scratch-database";
import { freePort, signalGroup, startNodeGroup, stopGroup, type GroupChild } from "./lib/process-group";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const serverScript = path.join(root, "scripts", "server.mjs"); // what `npm start` runs
const ROWS = Number(process.env.CRASH_ROWS || 10_000);
const BATCHES = 6;
const REGISTRATIONS = 5;
const OFFERINGS = 12;
const CREATIONS = 15; // of each kind in (d)

type Outcome = { ok: boolean; label: string; detail?: string };
const results: Outcome[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

function check(ok: boolean, label: string, detail?: string): boolean {
  results.push({ ok, label, detail });
  console.log(`  ${ok ? "ok  " : "FAIL"} ${label}${detail ? ` — ${detail}` : ""}`);
  return ok;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------------
// The server under test

type Server = GroupChild & { log: string };

class Portico {
  server: Server | null = null;
  starts = 0;
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
    readonly logDir: string,
  ) {}

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<number> {
    const t0 = Date.now();
    const log = path.join(this.logDir, `server-${++this.starts}.log`);
    // its own process group, so the kill takes every process it started
    const { child, exited } = startNodeGroup([serverScript], {
      cwd: root,
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.port),
        HOSTNAME: "127.0.0.1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      log,
    });
    this.server = { child, exited, log };
    let dead = false;
    void exited.then(() => (dead = true));
    await poll(
      "the server to answer",
      async () => {
        if (dead) throw new Error("server exited");
        const r = await this.fetch("GET", "/api/me");
        return r.status === 200;
      },
      90_000,
      150,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n--- ${log}:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    });
    if (dead) throw new Error(`The server exited during start:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    return Date.now() - t0;
  }

  /** SIGKILL to the whole process group: no shutdown hooks, no flushing, like a power cut of the process. */
  async kill9(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = null;
    signalGroup(s.child, "SIGKILL");
    await s.exited;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await stopGroup(s);
  }

  async fetch(
    method: string,
    p: string,
    opts: {
      body?: unknown;
      raw?: string;
      contentType?: string;
      key?: string;
      scheme?: string;
      anonymous?: boolean;
    } = {},
  ) {
    const headers: Record<string, string> = {};
    if (!opts.anonymous) headers.authorization = `${opts.scheme ?? "Bearer"} ${this.env.PORTICO_ADMIN_TOKEN}`;
    if (opts.key) headers["idempotency-key"] = opts.key;
    let body: string | undefined;
    if (opts.raw !== undefined) {
      body = opts.raw;
      headers["content-type"] = opts.contentType ?? "application/json";
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] = "application/json";
    }
    const res = await fetch(this.base + p, { method, headers, body });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, json: json as any, text, replayed: res.headers.get("idempotent-replayed") === "true" }; // eslint-disable-line @typescript-eslint/no-explicit-any -- wire JSON
  }

  async must(method: string, p: string, status: number, opts: Parameters<Portico["fetch"]>[2] = {}) {
    const r = await this.fetch(method, p, opts);
    if (r.status !== status)
      throw new Error(`${method} ${p} answered ${r.status}, expected ${status}: ${r.text.slice(0, 500)}`);
    return r.json;
  }

  /** Audit events for one entity and action (the audit log is append-only, so it counts what committed). */
  async auditCount(
    action: string,
    entityId: string,
    entityType?: string,
  ): Promise<{ n: number; events: { summary: Record<string, unknown> }[] }> {
    const q = new URLSearchParams({ action, entityId, size: "200", ...(entityType ? { entityType } : {}) });
    const body = await this.must("GET", `/api/audit-events?${q}`, 200);
    return { n: body.total, events: body.items };
  }
}

/**
 * Sends every request at once and kills the server as soon as `killAfter` of them answered, so the others
 * are caught in flight (reading the body, validating, inside their transaction, or committing).
 */
async function killDuringBurst<T>(
  app: Portico,
  sends: (() => Promise<T>)[],
  killAfter = 1,
): Promise<{ answers: (T | null)[]; inFlight: number }> {
  const answers: (T | null)[] = sends.map(() => null);
  let first!: () => void;
  const firstAnswer = new Promise<void>((r) => (first = r));
  let answered = 0;
  const all = sends.map((send, i) =>
    send().then(
      (v) => {
        answers[i] = v;
        if (++answered >= killAfter) first();
      },
      () => undefined, // the connection died with the server: no answer
    ),
  );
  await Promise.race([firstAnswer, Promise.all(all)]);
  const inFlight = answers.filter((a) => a === null).length;
  await app.kill9();
  await Promise.all(all);
  return { answers, inFlight };
}

type Answer = Awaited<ReturnType<Portico["fetch"]>>;

/**
 * A retry with the first attempt's Idempotency-Key answers like a first success: the stored answer when the
 * first attempt committed (the very same text, if it reached the client), a fresh run when it had not.
 */
function checkRetry(
  label: string,
  retry: Answer,
  status: number,
  first: Answer | null,
  committed: boolean,
  extra = true,
): boolean {
  const same = !first || first.status >= 500 || (retry.text === first.text && retry.status === first.status);
  const ok = extra && retry.status === status && retry.replayed === committed && same;
  const how = retry.replayed ? "replayed" : "ran afresh";
  return check(
    ok,
    label,
    `${retry.status} ${how}${committed ? " (had committed)" : " (nothing had committed)"}${first ? `, answered before the kill${same ? ", same answer" : `, DIFFERENT from ${first.status} ${first.text.slice(0, 80)}`}` : ""}${retry.status !== status ? `: ${retry.text.slice(0, 160)}` : ""}`,
  );
}

// ---------------------------------------------------------------------------------------------------
// (a) ARGO bulk usage ingestion

type Batch = { installationId: string; key: string; body: string };

async function setupIngestion(app: Portico, tag: string) {
  const providerId = `crash-${tag}-prov`;
  const projectId = `crash-${tag}-proj`;
  await app.must("POST", "/accounting-system/providers", 201, {
    body: { id: providerId, name: `Crash test provider ${tag}` },
  });
  await app.must("POST", "/accounting-system/projects", 201, {
    body: { id: projectId, acronym: "CRASH", title: "Crash test project" },
  });
  await app.must("POST", `/accounting-system/projects/${projectId}/associate`, 200, {
    body: { providers: [providerId] },
  });
  const metric = await app.must("POST", "/accounting-system/metric-definitions", 201, {
    body: { metric_name: `cpu ${tag}`, unit_type: "core hours", metric_type: "aggregated" },
  });
  const batches: Batch[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const inst = await app.must("POST", "/accounting-system/installations", 201, {
      body: {
        project: projectId,
        organisation: providerId,
        infrastructure: "crash",
        installation: `batch-${b}`,
        unit_of_access: metric.metric_definition_id,
      },
    });
    // One batch per installation, so each batch's presence is counted on its own. Every record is worth
    // 1 and lies within one UTC day, so the daily rollup must add up to the record count exactly.
    const t0 = Date.UTC(2025, 0, 1);
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      metric_definition_id: metric.metric_definition_id,
      time_period_start: new Date(t0 + i * 60_000).toISOString(),
      time_period_end: new Date(t0 + (i + 1) * 60_000).toISOString(),
      value: 1,
      user_id: `user-${i % 7}`,
      group_id: "crash",
      record_id: `b${b}-r${i}`,
    }));
    batches.push({
      installationId: inst.id,
      key: `crash-bulk-${tag}-${b}-${randomUUID()}`,
      body: JSON.stringify(rows),
    });
  }
  return { providerId, projectId, metricId: metric.metric_definition_id as string, batches };
}

async function batchState(app: Portico, providerId: string, b: Batch) {
  const page = await app.must("GET", `/accounting-system/installations/${b.installationId}/metrics?page=1&size=1`, 200);
  const series = await app.must(
    "GET",
    `/accounting-system/providers/${providerId}/usage-series?start=2025-01-01&end=2025-12-31&group=year&installation_id=${b.installationId}`,
    200,
  );
  const rolled = (series.series as { buckets: { total_value: number }[] }[]).reduce(
    (s, m) => s + m.buckets.reduce((t, k) => t + Number(k.total_value), 0),
    0,
  );
  const audit = await app.auditCount("usage.batch", b.installationId, "installation");
  const auditInserted = audit.events.reduce((s, e) => s + Number(e.summary.inserted ?? 0), 0);
  const auditBatches = audit.events.filter((e) => Number(e.summary.inserted) > 0).length;
  return { records: Number(page.total_elements), rolled, auditInserted, auditBatches };
}

function checkBatch(label: string, s: Awaited<ReturnType<typeof batchState>>, expectPresent: boolean | null): boolean {
  const whole = s.records === 0 || s.records === ROWS;
  const consistent = s.rolled === s.records && s.auditInserted === s.records && s.auditBatches === (s.records ? 1 : 0);
  const presence = expectPresent === null || (expectPresent ? s.records === ROWS : s.records === 0);
  return check(
    whole && consistent && presence,
    label,
    `${s.records} records, rollup ${s.rolled}, audited ${s.auditInserted} in ${s.auditBatches} batch(es)`,
  );
}

// ---------------------------------------------------------------------------------------------------
// (b) UCloud registration with a receiving integration module on 127.0.0.1

class IntegrationModule {
  received = new Map<string, number>();
  private server: http.Server | null = null;
  constructor(readonly port: number) {}
  async up() {
    this.server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const m = /^\/ucloud\/([^/]+)\/integration\/welcome$/.exec(req.url ?? "");
        if (req.method === "POST" && m) {
          const id = decodeURIComponent(m[1]);
          this.received.set(id, (this.received.get(id) ?? 0) + 1);
          res.writeHead(200, { "content-type": "application/json" }).end("{}");
        } else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }
  async down() {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())));
  }
}

async function setupRegistrations(app: Portico, tag: string, imPort: number) {
  const regs: { specId: string; token: string; key: string }[] = [];
  for (let i = 0; i < REGISTRATIONS; i++) {
    const specId = `crash-${tag}-im-${i}`;
    const info = await app.must("POST", "/api/providers/requestApproval", 200, {
      anonymous: true,
      body: { type: "information", specification: { id: specId, domain: "127.0.0.1", https: false, port: imPort } },
    });
    await app.must("POST", "/api/providers/requestApproval", 200, { body: { type: "sign", token: info.token } });
    regs.push({ specId, token: info.token, key: `crash-approve-${tag}-${i}-${randomUUID()}` });
  }
  return regs;
}

// ---------------------------------------------------------------------------------------------------
// (c) Waldur offering activation

const dashed = (hex: string) => hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

async function setupOfferings(app: Portico, tag: string) {
  const customer = await app.must("POST", "/api/customers/", 201, {
    scheme: "Token",
    body: { name: `Crash customer ${tag}` },
  });
  const category = await app.must("POST", "/api/marketplace-categories/", 201, {
    scheme: "Token",
    body: { title: `Crash category ${tag}` },
  });
  const offerings: { uuid: string; key: string }[] = [];
  for (let i = 0; i < OFFERINGS; i++) {
    const o = await app.must("POST", "/api/marketplace-provider-offerings/", 201, {
      scheme: "Token",
      body: {
        name: `Crash cluster ${tag} ${i}`,
        description: "Crash test",
        customer: customer.url,
        category: category.url,
        type: "Marketplace.Slurm",
        shared: true,
        components: [
          {
            type: "node_hours",
            name: "Node hours",
            measured_unit: "Node-hours",
            billing_type: "usage",
            limit_period: null,
          },
          { type: "storage", name: "Storage", measured_unit: "TB", billing_type: "fixed", limit_period: "month" },
        ],
        plans: [
          {
            name: "Default",
            description: "Default plan",
            unit: "month",
            prices: { node_hours: 0.25, storage: "12.5" },
            quotas: { storage: 2 },
          },
        ],
      },
    });
    offerings.push({ uuid: o.uuid, key: `crash-activate-${tag}-${i}-${randomUUID()}` });
  }
  return offerings;
}

async function offeringState(app: Portico, uuid: string) {
  const o = await app.must("GET", `/api/marketplace-provider-offerings/${uuid}/`, 200, { scheme: "Token" });
  const audit = await app.auditCount("offering.activate", dashed(uuid), "offering");
  return {
    state: o.state as string,
    plans: (o.plans ?? []).length as number,
    components: (o.components ?? []).length as number,
    activations: audit.n,
  };
}

// ---------------------------------------------------------------------------------------------------
// (d) a burst of small idempotent creations: single usage records, ARGO projects, Waldur customers

type Creation = {
  kind: "metric" | "project" | "customer";
  id: string;
  path: string;
  body: unknown;
  scheme?: string;
  key: string;
};

async function setupCreations(app: Portico, tag: string, ingestion: Awaited<ReturnType<typeof setupIngestion>>) {
  const inst = await app.must("POST", "/accounting-system/installations", 201, {
    body: {
      project: ingestion.projectId,
      organisation: ingestion.providerId,
      infrastructure: "crash",
      installation: "creations",
      unit_of_access: ingestion.metricId,
    },
  });
  const creations: Creation[] = [];
  const t0 = Date.UTC(2024, 5, 1);
  for (let i = 0; i < CREATIONS; i++) {
    const n = String(i).padStart(2, "0"); // equal lengths: no name contains another
    const at = (k: number) => new Date(t0 + (i + k) * 3_600_000).toISOString();
    const metric = {
      metric_definition_id: ingestion.metricId,
      time_period_start: at(0),
      time_period_end: at(1),
      value: 1,
      user_id: "crash",
      group_id: "crash",
      record_id: `d-${n}`,
    };
    creations.push(
      {
        kind: "metric",
        id: metric.record_id,
        path: `/accounting-system/installations/${inst.id}/metrics`,
        body: metric,
        key: `crash-d-metric-${tag}-${n}`,
      },
      {
        kind: "project",
        id: `crash-${tag}-d-${n}`,
        path: "/accounting-system/projects",
        body: { id: `crash-${tag}-d-${n}`, acronym: "D", title: `Crash creation ${n}` },
        key: `crash-d-project-${tag}-${n}`,
      },
      {
        kind: "customer",
        id: `Crash customer ${tag} d${n}`,
        path: "/api/customers/",
        body: { name: `Crash customer ${tag} d${n}` },
        scheme: "Token",
        key: `crash-d-customer-${tag}-${n}`,
      },
    );
  }
  return { installationId: inst.id as string, creations };
}

/** How many times each creation is stored: usage records by their record id, projects by id (and audit), customers by exact name. */
async function creationCounts(app: Portico, installationId: string, creations: Creation[]): Promise<number[]> {
  const page = await app.must("GET", `/accounting-system/installations/${installationId}/metrics?page=1&size=100`, 200);
  const records = (page.content as { record_id: string }[]).map((m) => m.record_id);
  return Promise.all(
    creations.map(async (c) => {
      if (c.kind === "metric") return records.filter((r) => r === c.id).length;
      if (c.kind === "project") {
        const { n } = await app.auditCount("project.register", c.id, "project");
        const found = (await app.fetch("GET", `/accounting-system/projects/${c.id}`)).status === 200;
        return found ? n : -n; // a registration audited without its project would be half-written
      }
      const list = await app.must("GET", `/api/customers/?name=${encodeURIComponent(c.id)}&page_size=50`, 200, {
        scheme: "Token",
      });
      return (list as { name: string }[]).filter((x) => x.name === c.id).length;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------

type Db = { label: string; env: Record<string, string>; drop?: () => Promise<void> };

async function prepareDatabase(kind: "pglite" | "postgres", tmp: string): Promise<Db> {
  if (kind === "pglite")
    return { label: "PGlite", env: { DATABASE_URL: "", PORTICO_DATA_DIR: path.join(tmp, "pglite") } };
  const scratch = await createScratchDatabase(process.env.DATABASE_URL!, "crash");
  return {
    label: "PostgreSQL",
    env: { DATABASE_URL: scratch.url, PORTICO_DATA_DIR: path.join(tmp, "unused") },
    drop: scratch.drop,
  };
}

async function run(kind: "pglite" | "postgres"): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portico-crash-"));
  let keepLogs = false;
  const db = await prepareDatabase(kind, tmp);
  const tag = `${kind === "pglite" ? "l" : "p"}${Date.now().toString(36)}`;
  const [port, imPort] = [Number(process.env.CRASH_PORT) || (await freePort()), await freePort()];
  const app = new Portico(
    port,
    {
      ...db.env,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PORTICO_ADMIN_EMAIL: `crash-admin-${tag}@portico.test`,
      PORTICO_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
      PORTICO_ADMIN_TOKEN: `crash-${randomBytes(24).toString("hex")}`,
      PORTICO_SEED_DEMO: "false",
      PORTICO_WELCOME_POLL_MS: "250",
      PORTICO_WELCOME_BACKOFF_MS: "200",
      PORTICO_WELCOME_MAX_ATTEMPTS: "100",
      PORTICO_REGISTRATION_LIMIT_PER_IP: "100000",
    },
    tmp,
  );
  const im = new IntegrationModule(imPort);
  const cleanup = async () => {
    await app.kill9();
    await im.down();
    await db.drop?.().catch((e) => console.error(`could not drop the crash-test database: ${(e as Error).message}`));
    if (keepLogs) console.log(`  server logs kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  cleanups.push(cleanup);
  const failedBefore = results.filter((r) => !r.ok).length;
  try {
    console.log(
      `\n## ${db.label}: scripts/server.mjs on 127.0.0.1:${port}, integration module on 127.0.0.1:${imPort} (down)`,
    );
    console.log(`  started in ${((await app.start()) / 1000).toFixed(1)} s`);

    // Data for all three scenarios, made over the API before the first crash.
    const ingestion = await setupIngestion(app, tag);
    const regs = await setupRegistrations(app, tag, imPort);
    const offerings = await setupOfferings(app, tag);
    const creations = await setupCreations(app, tag, ingestion);

    // ---- (a) kill -9 during bulk ingestion ------------------------------------------------------
    console.log(`\n(a) bulk usage ingestion: ${BATCHES} batches of ${ROWS} records, kill -9 while they are written`);
    const [first, ...rest] = ingestion.batches;
    const t0 = Date.now();
    const firstAnswer = await app.fetch(
      "POST",
      `/accounting-system/installations/${first.installationId}/metrics/bulk`,
      { raw: first.body, key: first.key },
    );
    check(
      firstAnswer.status === 201 && firstAnswer.json.inserted === ROWS,
      "a batch before the crash is stored whole",
      `${firstAnswer.status}, ${firstAnswer.json?.inserted} inserted in ${Date.now() - t0} ms`,
    );
    const burst = await killDuringBurst(
      app,
      rest.map(
        (b) => () =>
          app.fetch("POST", `/accounting-system/installations/${b.installationId}/metrics/bulk`, {
            raw: b.body,
            key: b.key,
          }),
      ),
    );
    const acked = new Set(rest.filter((_, i) => burst.answers[i]?.status === 201).map((b) => b.key));
    console.log(`  killed with ${burst.inFlight} of ${rest.length} batches unanswered`);
    console.log(`  restarted in ${((await app.start()) / 1000).toFixed(1)} s`);
    let committedUnanswered = 0;
    const batchCommitted: boolean[] = [];
    for (const [i, b] of ingestion.batches.entries()) {
      const s = await batchState(app, ingestion.providerId, b);
      batchCommitted.push(s.records > 0);
      if (i > 0 && !acked.has(b.key) && s.records) committedUnanswered++;
      checkBatch(
        `batch ${i} after restart: all or nothing${i === 0 || acked.has(b.key) ? ", acknowledged so present" : ""}`,
        s,
        i === 0 || acked.has(b.key) ? true : null,
      );
    }
    console.log(`  ${committedUnanswered} unanswered batch(es) had committed before the kill`);
    for (const [i, b] of ingestion.batches.entries()) {
      const r = await app.fetch("POST", `/accounting-system/installations/${b.installationId}/metrics/bulk`, {
        raw: b.body,
        key: b.key,
      });
      const whole = r.status === 201 && r.json.inserted === ROWS && r.json.duplicates === 0;
      checkRetry(
        `batch ${i} retried with its Idempotency-Key → 201, ${ROWS} inserted`,
        r,
        201,
        i === 0 ? firstAnswer : burst.answers[i - 1],
        batchCommitted[i],
        whole,
      );
    }
    const natural = await app.fetch("POST", `/accounting-system/installations/${first.installationId}/metrics/bulk`, {
      raw: first.body,
    });
    check(
      natural.status === 201 && natural.json.inserted === 0 && natural.json.duplicates === ROWS,
      "batch 0 re-sent without a key: every record recognised by its natural key",
      `${natural.json?.inserted} inserted, ${natural.json?.duplicates} duplicates`,
    );
    for (const [i, b] of ingestion.batches.entries())
      checkBatch(`batch ${i} after retries: exactly once`, await batchState(app, ingestion.providerId, b), true);

    // ---- (b) kill -9 during approvals with pending welcome deliveries ----------------------------
    console.log(
      `\n(b) UCloud approvals: ${REGISTRATIONS} signed requests, integration module down, kill -9 during approvals`,
    );
    const [r0, ...others] = regs;
    const a0 = await app.fetch("POST", "/api/providers/approve", { body: { token: r0.token }, key: r0.key });
    check(
      a0.status === 200 && typeof a0.json?.id === "string",
      "an approval before the crash succeeds while its welcome cannot be delivered",
      `${a0.status} ${a0.text.slice(0, 100)}`,
    );
    const approvals = await killDuringBurst(
      app,
      others.map((r) => () => app.fetch("POST", "/api/providers/approve", { body: { token: r.token }, key: r.key })),
    );
    const approvedAcked = new Set(others.filter((_, i) => approvals.answers[i]?.status === 200).map((r) => r.specId));
    approvedAcked.add(r0.specId);
    console.log(`  killed with ${approvals.inFlight} of ${others.length} approvals unanswered; module still down`);
    console.log(`  restarted in ${((await app.start()) / 1000).toFixed(1)} s`);
    const approvedBefore = new Set<string>();
    for (const r of regs) {
      const { n } = await app.auditCount("provider.create", r.specId, "provider");
      const provider = await app.fetch("GET", `/api/providers/retrieve?id=${encodeURIComponent(r.specId)}`);
      const present = provider.status === 200;
      if (present) approvedBefore.add(r.specId);
      check(
        n === (present ? 1 : 0) && (!approvedAcked.has(r.specId) || present),
        `${r.specId} after restart: approved whole or not at all`,
        `${present ? "provider present" : "no provider"}, ${n} creation(s) audited`,
      );
    }
    // Retries with the same Idempotency-Key: an approval and its stored answer commit together, so a
    // committed approval replays its answer and an uncommitted one runs now; never ALREADY_APPROVED.
    for (const [i, r] of regs.entries()) {
      const res = await app.fetch("POST", "/api/providers/approve", { body: { token: r.token }, key: r.key });
      checkRetry(
        `${r.specId}: approval retried with its Idempotency-Key → 200`,
        res,
        200,
        i === 0 ? a0 : approvals.answers[i - 1],
        approvedBefore.has(r.specId),
      );
    }
    await im.up();
    console.log("  integration module up");
    const t1 = Date.now();
    await poll("every welcome to arrive", async () => regs.every((r) => im.received.has(r.specId)), 120_000, 100).catch(
      (e) => check(false, "welcome deliveries resume after the restart", (e as Error).message),
    );
    const waited = Date.now() - t1;
    // Wait a few more delivery polls: a duplicate would show up now.
    await sleep(1500);
    for (const r of regs) {
      const n = im.received.get(r.specId) ?? 0;
      const { n: provs } = await app.auditCount("provider.create", r.specId, "provider");
      check(
        n === 1 && provs === 1,
        `${r.specId}: one provider, welcome delivered exactly once`,
        `${n} delivery(ies) received, ${provs} provider creation(s)`,
      );
    }
    console.log(`  all welcomes arrived ${(waited / 1000).toFixed(1)} s after the module came up`);

    // ---- (c) kill -9 during offering activations -------------------------------------------------
    console.log(`\n(c) Waldur offering activation: ${OFFERINGS} Draft offerings activated at once, kill -9 mid-way`);
    const activation = await killDuringBurst(
      app,
      offerings.map(
        (o) => () =>
          app.fetch("POST", `/api/marketplace-provider-offerings/${o.uuid}/activate/`, { scheme: "Token", key: o.key }),
      ),
    );
    const activeAcked = new Set(offerings.filter((_, i) => activation.answers[i]?.status === 201).map((o) => o.uuid));
    console.log(`  killed with ${activation.inFlight} of ${OFFERINGS} activations unanswered`);
    console.log(`  restarted in ${((await app.start()) / 1000).toFixed(1)} s`);
    const activeBefore = new Set<string>();
    for (const [i, o] of offerings.entries()) {
      const s = await offeringState(app, o.uuid);
      if (s.state === "Active") activeBefore.add(o.uuid);
      const ok =
        ((s.state === "Active" && s.activations === 1) || (s.state === "Draft" && s.activations === 0)) &&
        s.plans === 1 &&
        s.components === 2 &&
        (!activeAcked.has(o.uuid) || s.state === "Active");
      check(
        ok,
        `offering ${i} after restart: activated whole or not at all`,
        `${s.state}, ${s.activations} activation(s) audited, ${s.plans} plan, ${s.components} components`,
      );
    }
    for (const [i, o] of offerings.entries()) {
      const res = await app.fetch("POST", `/api/marketplace-provider-offerings/${o.uuid}/activate/`, {
        scheme: "Token",
        key: o.key,
      });
      checkRetry(
        `offering ${i}: activation retried with its Idempotency-Key → 201`,
        res,
        201,
        activation.answers[i],
        activeBefore.has(o.uuid),
      );
    }
    for (const [i, o] of offerings.entries()) {
      const s = await offeringState(app, o.uuid);
      check(
        s.state === "Active" && s.activations === 1,
        `offering ${i}: Active, activated exactly once`,
        `${s.state}, ${s.activations} activation(s) audited`,
      );
    }

    // ---- (d) kill -9 during a burst of small idempotent creations ---------------------------------
    const all = creations.creations;
    console.log(
      `\n(d) ${all.length} idempotent creations at once (usage records, projects, customers), kill -9 after ${CREATIONS} answers`,
    );
    const created = await killDuringBurst(
      app,
      all.map((c) => () => app.fetch("POST", c.path, { body: c.body, key: c.key, scheme: c.scheme })),
      CREATIONS,
    );
    console.log(`  killed with ${created.inFlight} of ${all.length} creations unanswered`);
    console.log(`  restarted in ${((await app.start()) / 1000).toFixed(1)} s`);
    const before = await creationCounts(app, creations.installationId, all);
    for (const [i, c] of all.entries()) {
      const acked = created.answers[i]?.status === 201;
      check(
        before[i] === 1 || (before[i] === 0 && !acked),
        `${c.kind} ${c.id} after restart: stored whole, at most once${acked ? ", acknowledged so present" : ""}`,
        `${before[i]} stored`,
      );
    }
    const unansweredCommitted = all.filter((_, i) => created.answers[i] === null && before[i] === 1).length;
    for (const [i, c] of all.entries()) {
      const res = await app.fetch("POST", c.path, { body: c.body, key: c.key, scheme: c.scheme });
      checkRetry(
        `${c.kind} ${c.id}: retried with its Idempotency-Key → 201`,
        res,
        201,
        created.answers[i],
        before[i] === 1,
      );
    }
    console.log(
      `  ${unansweredCommitted} unanswered creation(s) had committed before the kill; their retries replayed the stored answer`,
    );
    const after = await creationCounts(app, creations.installationId, all);
    const once = after.filter((n) => n === 1).length;
    check(
      once === all.length,
      "after the retries every creation is stored exactly once",
      `${once} of ${all.length}${once < all.length ? `; counts ${after.join(",")}` : ""}`,
    );

    // The database survived four SIGKILLs: one more clean stop and start, and the data is all there.
    await app.stop();
    console.log(`\n  clean restart in ${((await app.start()) / 1000).toFixed(1)} s`);
    let total = 0;
    for (const b of ingestion.batches) total += (await batchState(app, ingestion.providerId, b)).records;
    check(
      total === BATCHES * ROWS,
      "after a clean restart every usage record is still there",
      `${total} of ${BATCHES * ROWS}`,
    );
    await app.stop();
  } catch (e) {
    check(false, `${db.label} run aborted`, (e as Error).stack ?? String(e));
  } finally {
    keepLogs = results.filter((r) => !r.ok).length > failedBefore && !process.env.CI;
    cleanups.splice(cleanups.indexOf(cleanup), 1);
    await cleanup();
  }
}

async function main() {
  const t0 = Date.now();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No build found: run `npm run build` (or `node scripts/start.mjs --build-only`) first.");
    process.exit(2);
  }
  const which = process.env.CRASH_DB || (process.env.DATABASE_URL ? "both" : "pglite");
  const kinds = which === "both" ? (["pglite", "postgres"] as const) : ([which] as ("pglite" | "postgres")[]);
  if (kinds.includes("postgres") && !process.env.DATABASE_URL) throw new Error("CRASH_DB=postgres needs DATABASE_URL");
  for (const kind of kinds) await run(kind);
  const failed = results.filter((r) => !r.ok);
  console.log(
    `\nCrash safety: ${results.length - failed.length} checks passed, ${failed.length} failed (${kinds.join(" + ")}, ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
  for (const f of failed) console.log(`  FAILED: ${f.label}${f.detail ? ` — ${f.detail}` : ""}`);
  process.exit(failed.length ? 1 : 0);
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    for (const c of cleanups.splice(0)) await c();
    process.exit(130);
  });
}

main().catch(async (e) => {
  console.error(e);
  for (const c of cleanups.splice(0)) await c();
  process.exit(1);
});
