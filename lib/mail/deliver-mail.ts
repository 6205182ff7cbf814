import { eq } from "drizzle-orm";
import { mailOutbox, type MailOutboxRow } from "@/drizzle/schema";
import { config } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db/client";
import { backoffAfter, claimDueRows } from "@/lib/jobs/claim-due-rows";
import { MAIL_BODY_PURPOSE } from "./enqueue-mail";
import { smtpTransport } from "./smtp-transport";

const LEASE_MS = 90_000; // longer than a send can take (connection 10 s + greeting 10 s + socket 20 s, twice over)

type SendResult = { ok: true } | { ok: false; permanent: boolean; error: string };

const mailDomain = () => /@([^>\s]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? "localhost";

async function send(row: MailOutboxRow): Promise<SendResult | null> {
  const transport = smtpTransport();
  if (!transport) return null;
  const body = JSON.parse(decryptSecret(row.bodyCiphertext, MAIL_BODY_PURPOSE)) as {
    text: string;
    html: string | null;
  };
  try {
    await transport.sendMail({
      from: config.mailFrom,
      to: row.toAddress,
      subject: row.subject,
      text: body.text,
      html: body.html ?? undefined,
      // The same Message-ID on every attempt: a receiver can drop the rare duplicate after a crash mid-send.
      messageId: `<${row.id}@${mailDomain()}>`,
      headers: { "Auto-Submitted": "auto-generated", "X-Portico-Purpose": row.purpose },
    });
    return { ok: true };
  } catch (e) {
    const err = e as { responseCode?: number; code?: string; message?: string };
    // 5xx is the server's final word (no such mailbox, refused): retrying would not change it.
    const permanent = typeof err.responseCode === "number" && err.responseCode >= 500;
    const error = [err.responseCode ?? err.code, err.message].filter(Boolean).join(": ").slice(0, 300);
    return { ok: false, permanent, error: error || "sending failed" };
  }
}

async function deliverOne(db: Db, row: MailOutboxRow, claimId: string, now: Date) {
  const result = await send(row);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, row.id)).for("update");
    if (!current || current.claimId !== claimId) return "lost" as const; // the lease ran out; another process took over
    if (!result) {
      await tx
        .update(mailOutbox)
        .set({ status: "kept", claimId: null, leaseUntil: null, lastError: "No SMTP server is configured." })
        .where(eq(mailOutbox.id, row.id));
      return "kept" as const;
    }
    const attempt = current.attempts + 1;
    const outcome = result.ok
      ? ("sent" as const)
      : result.permanent || attempt >= current.maxAttempts
        ? ("failed" as const)
        : ("retry" as const);
    await tx
      .update(mailOutbox)
      .set({
        attempts: attempt,
        status: outcome === "retry" ? "pending" : outcome,
        claimId: null,
        leaseUntil: null,
        lastError: result.ok ? null : result.error,
        sentAt: result.ok ? new Date() : null,
        nextAttemptAt:
          outcome === "retry" ? new Date(now.getTime() + backoffAfter(attempt, config.mailBackoffMs)) : undefined,
      })
      .where(eq(mailOutbox.id, row.id));
    return outcome;
  });
}

/**
 * The mail worker: sends every due message once per claim, through `PORTICO_SMTP_URL`. Safe in any number of
 * processes (claims under a lease). Returns what happened to each message it claimed.
 */
export async function deliverDueMails(db: Db, opts: { now?: Date; limit?: number; onlyId?: string } = {}) {
  const now = opts.now ?? new Date();
  const { claimId, rows } = await claimDueRows(db, mailOutbox, {
    now,
    limit: opts.limit ?? 20,
    leaseMs: LEASE_MS,
    onlyId: opts.onlyId,
  });
  const outcomes = await Promise.all(rows.map((r) => deliverOne(db, r, claimId, now)));
  return rows.map((r, i) => ({ id: r.id, outcome: outcomes[i] }));
}
