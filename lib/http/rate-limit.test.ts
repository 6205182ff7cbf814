import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { unique } from "@/lib/testing/fixtures";
import { hitRateLimit, LOGIN_LIMITS, loginSubjects, rateLimitRetryAfter } from "./rate-limit";

async function attempt(ip: string, login: string): Promise<number | "ok"> {
  const db = await getDb();
  const s = loginSubjects(ip, login);
  try {
    await hitRateLimit(db, LOGIN_LIMITS.perIp, s.perIp);
    await hitRateLimit(db, LOGIN_LIMITS.perAccount, s.perAccount);
    return "ok";
  } catch (e) {
    if (e instanceof AppError && e.code === "rate_limited") return e.extra!.retryAfterSeconds!;
    throw e;
  }
}

describe("sign-in rate limits", () => {
  it("answer 101 guesses at one account from one address with waits, while its owner signs in from another", async () => {
    const account = `${unique("victim")}@example.test`;
    const attacker = `203.0.113.${Math.floor(Math.random() * 200)}-${unique()}`;
    const results = [];
    for (let i = 0; i < 101; i++) results.push(await attempt(attacker, account));
    expect(results.slice(0, LOGIN_LIMITS.perAccount.limit).every((r) => r === "ok")).toBe(true);
    const limited = results.slice(LOGIN_LIMITS.perAccount.limit);
    expect(limited.every((r) => typeof r === "number" && r > 0 && r <= LOGIN_LIMITS.perAccount.windowSeconds)).toBe(
      true,
    );
    expect(
      await rateLimitRetryAfter(await getDb(), LOGIN_LIMITS.perAccount, loginSubjects(attacker, account).perAccount),
    ).toBeGreaterThan(0);

    expect(await attempt(`198.51.100.7-${unique()}`, account)).toBe("ok"); // the owner, elsewhere
  });
});
