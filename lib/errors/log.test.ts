import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/testing/fixtures";
import { errorForLog } from "./log";

describe("errorForLog", () => {
  it("keeps a failed query's SQL, its cause and the stack, but not its parameters", async () => {
    const d = await db();
    const secret = "ptk_thisIsASecretThatMustNeverReachALog0123456789ab";
    const err = await d.execute(sql`select ${secret}::int as n`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message) + String((err as Error).stack)).toContain(secret); // what a plain log of it would leak
    const line = errorForLog(err);
    expect(line).not.toContain(secret);
    expect(line).toMatch(/Failed query: select \$1::int as n \(1 parameters, not logged\)/);
    expect(line).toMatch(/Caused by: .*invalid input syntax for type integer: "\(value not logged\)"/);
    expect(line).toMatch(/\n\s+at /);
  });

  it("gives other errors with their causes, and non-errors as text", () => {
    const e = new Error("outer", { cause: new TypeError("inner") });
    expect(errorForLog(e)).toMatch(/^Error: outer\n[\s\S]*Caused by: TypeError: inner/);
    expect(errorForLog("plain")).toBe("plain");
  });
});
