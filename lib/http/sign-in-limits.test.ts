import { describe, expect, it } from "vitest";
import { KNOWN_DEVICE_COOKIE, rememberDevice } from "@/lib/auth/known-device";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createTestUser, unique } from "@/lib/testing/fixtures";
import { countFailedSignIn, LOGIN_LIMITS, limitSignIn, signInRetryAfter, type SignInAttempt } from "./sign-in-limits";

/** One attempt with a wrong password: "ok" when it got as far as the password check, else the Retry-After. */
async function guess(address: string, login: string, cookieHeader: string | null = null): Promise<number | "ok"> {
  const db = await getDb();
  try {
    await countFailedSignIn(db, await limitSignIn(db, { address, login, cookieHeader }));
    return "ok";
  } catch (e) {
    if (e instanceof AppError && e.code === "rate_limited") return e.extra!.retryAfterSeconds!;
    throw e;
  }
}

/** The owner's attempt (right password): reaches the check, or the Retry-After. */
async function ownerSignsIn(attempt: SignInAttempt): Promise<number | "ok"> {
  const db = await getDb();
  return limitSignIn(db, attempt).then(
    () => "ok" as const,
    (e) => (e instanceof AppError && e.code === "rate_limited" ? e.extra!.retryAfterSeconds! : Promise.reject(e)),
  );
}

const address = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${unique()}`;

describe("sign-in rate limits", () => {
  it("answer 101 guesses at one account from one address with waits, while its owner signs in from another", async () => {
    const account = `${unique("victim")}@example.test`;
    const attacker = `203.0.113.${Math.floor(Math.random() * 200)}-${unique()}`;
    const results = [];
    for (let i = 0; i < 101; i++) results.push(await guess(attacker, account));
    expect(results.slice(0, LOGIN_LIMITS.perAccount.limit).every((r) => r === "ok")).toBe(true);
    const limited = results.slice(LOGIN_LIMITS.perAccount.limit);
    expect(limited.every((r) => typeof r === "number" && r > 0 && r <= LOGIN_LIMITS.perAccount.windowSeconds)).toBe(
      true,
    );
    const db = await getDb();
    expect(await signInRetryAfter(db, { address: attacker, login: account, cookieHeader: null })).toBeGreaterThan(0);

    expect(await ownerSignsIn({ address: `198.51.100.7-${unique()}`, login: account, cookieHeader: null })).toBe("ok");
  });

  it("stop a botnet: one guess from each of many addresses, the account-wide limit refuses the rest, the owner's browser still signs in", async () => {
    const { user } = await createTestUser({ password: "the-owners-password-1" });
    const limit = LOGIN_LIMITS.perAccountAllAddresses.limit;
    const results = [];
    // Email and username are one account: alternating them does not double the guesses.
    for (let i = 0; i < limit + 10; i++) results.push(await guess(address(), i % 2 ? user.email : user.username));
    expect(results.slice(0, limit).every((r) => r === "ok")).toBe(true);
    expect(results.slice(limit).every((r) => typeof r === "number" && r > 0 && r <= 3600)).toBe(true);

    const ownerBrowser = `${KNOWN_DEVICE_COOKIE}=${rememberDevice(null, user.id)}`;
    expect(await ownerSignsIn({ address: address(), login: user.email, cookieHeader: ownerBrowser })).toBe("ok");
    const db = await getDb();
    expect(await signInRetryAfter(db, { address: address(), login: user.email, cookieHeader: ownerBrowser })).toBe(0);
    // A browser that never signed in waits, and so does one that signed in to another account, or a made-up tag.
    const other = await createTestUser();
    for (const cookieHeader of [
      null,
      `${KNOWN_DEVICE_COOKIE}=${rememberDevice(null, other.user.id)}`,
      `${KNOWN_DEVICE_COOKIE}=zzzzzzzz_${"0".repeat(32)}`,
    ])
      expect(await ownerSignsIn({ address: address(), login: user.email, cookieHeader })).toEqual(expect.any(Number));
    // The known browser is still held to the per-address limits.
    const home = address();
    const tries = [];
    for (let i = 0; i < LOGIN_LIMITS.perAccount.limit + 1; i++)
      tries.push(await ownerSignsIn({ address: home, login: user.email, cookieHeader: ownerBrowser }));
    expect(tries.at(-1)).toEqual(expect.any(Number));
  });
});
