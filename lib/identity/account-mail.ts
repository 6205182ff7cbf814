import type { Db, Executor } from "@/lib/db/client";
import { deliverDueMails } from "@/lib/mail/deliver-mail";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { renderMail, type MailParts } from "@/lib/mail/render-mail";
import { errorForLog } from "@/lib/errors/log";

/** Stores an account mail (sign-up, reset, invitation) in the caller's transaction; returns its outbox id. */
export async function enqueueAccountMail(
  tx: Executor,
  to: string,
  purpose: string,
  parts: MailParts,
  meta: { userId?: string | null; correlationId: string },
): Promise<string> {
  const content = renderMail({
    footer: "You get this e-mail because someone asked for it on Portico with your address.",
    ...parts,
  });
  const row = await enqueueMail(tx, {
    to,
    ...content,
    purpose,
    userId: meta.userId,
    correlationId: meta.correlationId,
  });
  return row.id;
}

/**
 * Sends one account mail now, after its transaction committed, instead of waiting for the mail job's next
 * round (which still retries it if this attempt fails). Never throws: the request already succeeded.
 */
export function sendAccountMailSoon(db: Db, mailId: string | undefined, correlationId: string): void {
  if (!mailId) return;
  void deliverDueMails(db, { onlyId: mailId }).catch((e) =>
    console.error(JSON.stringify({ level: "error", correlationId, msg: "account mail failed", error: errorForLog(e) })),
  );
}
