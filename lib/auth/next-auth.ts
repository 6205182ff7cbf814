import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { serverSecret } from "@/lib/crypto/server-secret";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { cookies } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";
import { countFailedSignIn, limitSignIn } from "@/lib/http/sign-in-limits";
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_DAYS, rememberDevice } from "./known-device";
import { verifyCredentials } from "./verify-credentials";
import { errorForLog } from "@/lib/errors/log";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const loginInput = z.object({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: serverSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // A failed sign-in is an expected outcome, not a server error worth a stack trace.
  logger: {
    error: (e) =>
      e.name === "CredentialsSignin" || (e as { type?: string }).type === "CredentialsSignin"
        ? undefined
        : console.error(JSON.stringify({ level: "error", msg: "auth error", error: errorForLog(e) })),
  },
  providers: [
    Credentials({
      credentials: { login: { label: "Email or username" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = loginInput.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        // Route handler or server action alike, next-auth hands over the incoming request's headers.
        const ip = clientAddress(request.headers);
        const cookieHeader = request.headers.get("cookie");
        const subjects = await limitSignIn(db, { address: ip, login: parsed.data.login, cookieHeader }).catch((e) => {
          throw e instanceof AppError && e.code === "rate_limited" ? new RateLimited() : e;
        });
        const user = await verifyCredentials(db, parsed.data.login, parsed.data.password);
        if (!user) {
          await countFailedSignIn(db, subjects);
          return null;
        }
        (await cookies()).set(KNOWN_DEVICE_COOKIE, rememberDevice(cookieHeader, user.id), {
          httpOnly: true,
          sameSite: "lax",
          secure: new URL(request.url).protocol === "https:",
          path: "/",
          maxAge: KNOWN_DEVICE_DAYS * 86400,
        });
        const correlationId = request.headers.get("x-correlation-id") ?? crypto.randomUUID();
        await recordAudit(
          db,
          { actor: null, correlationId },
          { action: "user.login", entityType: "user", entityId: user.id, actorLabel: user.username, summary: { ip } },
        );
        return {
          id: user.id,
          email: user.email,
          name: user.name || user.username,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      // The session remembers the account's session version: a password reset raises it and ends the session.
      if (user?.id)
        Object.assign(token, { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 0 });
      return token;
    },
    session: ({ session, token }) => {
      if (token.sub && session.user) session.user.id = token.sub;
      return session;
    },
  },
});
