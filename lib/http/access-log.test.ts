import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { flushAccessLog } from "./access-log";

/** What the access log writes to stdout while `run` runs (the lines it still holds, flushed at the end). */
async function capture(run: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await run();
    flushAccessLog();
  } finally {
    spy.mockRestore();
  }
  return written.join("").split("\n").filter(Boolean);
}

describe("the access log", () => {
  afterEach(() => {
    process.env.PORTICO_LOG_REQUESTS = "false";
    vi.restoreAllMocks();
  });

  it("writes one JSON line per API request with its correlation id, method, path, status and time, never the token or the query", async () => {
    const user = await createTestUser();
    process.env.PORTICO_LOG_REQUESTS = "true";
    let ok, bad;
    const lines = await capture(async () => {
      ok = await call(me, "GET", "/api/me?secret=ptk_query_value_that_must_not_be_logged", {
        token: user.token,
        headers: { "x-correlation-id": "access-log-1" },
      });
      bad = await call(me, "GET", "/api/me", { token: "ptk_not_a_real_token_000000000000000000000000000000" });
    });
    expect([ok!.status, bad!.status]).toEqual([200, 401]);
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      level: "info",
      msg: "request",
      correlationId: "access-log-1",
      method: "GET",
      path: "/api/me",
      status: 200,
    });
    expect(first.ms).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ path: "/api/me", status: 401, correlationId: bad!.headers.get("x-correlation-id") });
    const all = lines.join("\n");
    expect(all).not.toContain(user.token);
    expect(all).not.toContain("ptk_query_value");
    expect(all).not.toContain("ptk_not_a_real_token");
  });

  it("names the connection's address, not the forwarding headers a caller forged", async () => {
    const user = await createTestUser();
    process.env.PORTICO_LOG_REQUESTS = "true";
    const lines = await capture(async () => {
      await call(me, "GET", "/api/me", {
        token: user.token,
        headers: {
          "x-portico-peer-address": "::ffff:192.0.2.44",
          "x-forwarded-for": "203.0.113.9",
          "x-real-ip": "203.0.113.10",
          forwarded: "for=203.0.113.11",
        },
      });
    });
    expect(JSON.parse(lines[0])).toMatchObject({ client: "192.0.2.44", path: "/api/me", status: 200 });
    expect(lines[0]).not.toContain("203.0.113");
  });

  it("is off with PORTICO_LOG_REQUESTS=false", async () => {
    const user = await createTestUser();
    const lines = await capture(async () => void (await call(me, "GET", "/api/me", { token: user.token })));
    expect(lines).toEqual([]);
  });
});
