import { isKnownDevice } from "@/lib/auth/known-device";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { findUserByLogin } from "@/lib/users/queries";
import { countRateLimitHit, hitRateLimit, rateLimitRetryAfter, type RateLimit } from "./rate-limit";

/**
 * Sign-in attempts count three ways. Per address and per (account, address), every attempt, 5 minutes:
 * one address cannot guess much, and an account's owner elsewhere is not stopped. Per account across all
 * addresses, failed attempts, an hour: a botnet of real addresses cannot guess one password either. That
 * one refuses only browsers that never signed in to the account (lib/auth/known-device.ts), so the
 * owner's own browser still signs in while the account is under attack.
 */
export const LOGIN_LIMITS = {
  perIp: { name: "login-ip", limit: Number(process.env.PORTICO_LOGIN_LIMIT_PER_IP || 20), windowSeconds: 300 },
  perAccount: {
    name: "login-account-ip",
    limit: Number(process.env.PORTICO_LOGIN_LIMIT_PER_ACCOUNT || 5),
    windowSeconds: 300,
  },
  perAccountAllAddresses: {
    name: "login-account",
    limit: Number(process.env.PORTICO_LOGIN_LIMIT_PER_ACCOUNT_HOURLY || 50),
    windowSeconds: 3600,
  },
} satisfies Record<string, RateLimit>;

/** One sign-in attempt: the client's address (`clientAddress`), the login typed, the request's Cookie header. */
export type SignInAttempt = { address: string; login: string; cookieHeader: string | null };

type Subjects = { perIp: string; perAccount: string; account: string; knownDevice: boolean };

async function subjectsOf(db: Db, attempt: SignInAttempt): Promise<Subjects> {
  const login = attempt.login.trim().toLowerCase();
  // The account, whichever of its email or username is typed; a login nobody has is counted as itself.
  const user = login ? await findUserByLogin(db, login) : undefined;
  return {
    perIp: attempt.address,
    perAccount: `${login}|${attempt.address}`,
    account: user ? `user:${user.id}` : `login:${login}`,
    knownDevice: user ? isKnownDevice(attempt.cookieHeader, user.id) : false,
  };
}

function refuse(retryAfterSeconds: number): never {
  throw new AppError("rate_limited", `Too many requests. Try again in ${retryAfterSeconds} seconds.`, undefined, {
    retryAfterSeconds,
  });
}

/**
 * Counts an attempt before the password is checked; throws rate_limited when any limit is reached.
 * Returns what to pass to `countFailedSignIn` if the password turns out wrong.
 */
export async function limitSignIn(db: Db, attempt: SignInAttempt): Promise<Subjects> {
  const s = await subjectsOf(db, attempt);
  await hitRateLimit(db, LOGIN_LIMITS.perIp, s.perIp);
  await hitRateLimit(db, LOGIN_LIMITS.perAccount, s.perAccount);
  if (!s.knownDevice) {
    const wait = await rateLimitRetryAfter(db, LOGIN_LIMITS.perAccountAllAddresses, s.account);
    if (wait) refuse(wait);
  }
  return s;
}

/** A wrong password: one more failure against the account, whatever the address. */
export async function countFailedSignIn(db: Db, subjects: Subjects): Promise<void> {
  if (process.env.PORTICO_RATE_LIMITS === "off") return;
  await countRateLimitHit(db, LOGIN_LIMITS.perAccountAllAddresses, subjects.account);
}

/** Seconds until this attempt may be made, or 0 (counts nothing): the sign-in endpoint's 429 before next-auth runs. */
export async function signInRetryAfter(db: Db, attempt: SignInAttempt): Promise<number> {
  const s = await subjectsOf(db, attempt);
  return Math.max(
    await rateLimitRetryAfter(db, LOGIN_LIMITS.perIp, s.perIp),
    await rateLimitRetryAfter(db, LOGIN_LIMITS.perAccount, s.perAccount),
    s.knownDevice ? 0 : await rateLimitRetryAfter(db, LOGIN_LIMITS.perAccountAllAddresses, s.account),
  );
}
