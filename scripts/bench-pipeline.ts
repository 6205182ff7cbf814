// `npm run bench:pipeline`: what Portico's own request pipeline costs, without Next.js or the network.
// Calls the real route handlers in this process (as the integration tests do), on a fresh PostgreSQL database
// next to DATABASE_URL (or in-memory PGlite without it), and prints the CPU time of this process per call —
// pipeline, authentication, queries through drizzle and pg, JSON — and the wall time, for a few hot routes,
// 10 calls at a time. CPU time per call is the figure that other work on a busy machine changes least.
//
//   DATABASE_URL=postgres://… npm run bench:pipeline      BENCH_CALLS=3000 (per route)
import { randomUUID } from "node:crypto";
import { createScratchDatabase } from "../lib/db/scratch-database";

const CALLS = Number(process.env.BENCH_CALLS || 3000);
const CONCURRENCY = 10;

async function main() {
  process.env.AUTH_SECRET ??= randomUUID();
  process.env.PORTICO_SCRYPT_COST = "1024";
  process.env.PORTICO_LOG_REQUESTS ??= "false";
  process.env.PORTICO_BACKGROUND_JOBS = "off";
  let drop: () => Promise<void> = async () => undefined;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "pipeline");
    process.env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
  } else process.env.PORTICO_DATA_DIR = "memory://";
  // Imported after the environment is set: the database client reads it on first use.
  const { call, createTestUser } = await import("../lib/testing/fixtures");
  const { closeDb } = await import("../lib/db/client");
  const me = await import("../app/api/me/route");
  const providers = await import("../app/accounting-system/providers/route");
  const search = await import("../app/accounting-system/providers/search/route");
  try {
    const admin = await createTestUser({ role: "admin" });
    for (let i = 0; i < 200; i += 20)
      await Promise.all(
        Array.from({ length: 20 }, (_, k) =>
          call(providers.POST, "POST", "/accounting-system/providers", {
            token: admin.token,
            body: { id: `pipe-${i + k}`, name: `Pipeline ${i + k}`, website: "https://p.example.org" },
          }),
        ),
      );
    const searchBody = {
      type: "filter",
      operator: "AND",
      criteria: [
        { type: "query", field: "name", operand: "like", values: "%Pipeline%" },
        { type: "query", field: "abbreviation", operand: "neq", values: "X" },
      ],
    };
    const routes = [
      { label: "GET /api/me", run: () => call(me.GET, "GET", "/api/me", { token: admin.token }) },
      {
        label: "GET /accounting-system/providers?page=5&size=10",
        run: () => call(providers.GET, "GET", "/accounting-system/providers?page=5&size=10", { token: admin.token }),
      },
      {
        label: "POST /accounting-system/providers/search",
        run: () =>
          call(search.POST, "POST", "/accounting-system/providers/search?page=1&size=10", {
            token: admin.token,
            body: searchBody,
          }),
      },
    ];
    console.log(
      `${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, ${CALLS} calls per route, ${CONCURRENCY} at a time`,
    );
    for (const route of routes) {
      for (let i = 0; i < 200; i++) await route.run(); // warm
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next++ < CALLS) {
            const res = await route.run();
            if (res.status !== 200) throw new Error(`${route.label}: ${res.status} ${res.text.slice(0, 200)}`);
          }
        }),
      );
      const wall = performance.now() - t0;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000 / CALLS;
      console.log(
        `${route.label.padEnd(50)} CPU ${cpuMs.toFixed(3)} ms/call  wall ${(wall / CALLS).toFixed(3)} ms/call (${((CALLS / wall) * 1000).toFixed(0)} calls/s)`,
      );
    }
  } finally {
    await closeDb();
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
