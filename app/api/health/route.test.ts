import { describe, expect, it } from "vitest";
import { call } from "@/lib/testing/fixtures";
import { GET as health } from "./route";

describe("GET /api/health", () => {
  it("answers 200 {status: ok}, uncached, without authentication", async () => {
    const res = await call(health, "GET", "/api/health", { headers: { "x-correlation-id": "probe-1" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-correlation-id")).toBe("probe-1");
  });
});
