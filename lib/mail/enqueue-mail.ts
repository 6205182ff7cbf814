import { z } from "zod";
import { mailOutbox, type MailOutboxRow } from "@/drizzle/schema";
import { config } from "@/lib/config";
import { encryptSecret } from "@/lib/crypto/tokens";
import type { Executor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export const MAIL_BODY_PURPOSE = "mail-body";

const newMail = z.object({
  to: z.email().max(320),
  subject: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(100_000),
  html: z.string().max(200_000).optional(),
  purpose: z.string().min(1).max(40).default("notification"),
  userId: z.uuid().nullish(),
  correlationId: z.string().max(200).nullish(),
});
export type NewMail = z.input<typeof newMail>;

/** Whether `enqueueMail` would take this address. */
export const isMailable = (address: string) => newMail.shape.to.safeParse(address).success;

/**
 * Stores an e-mail in the caller's transaction; the mail delivery job sends it after commit (retrying with
 * backoff), so the mail goes out exactly when the change commits. With no SMTP server configured
 * (`PORTICO_SMTP_URL` unset) it is stored as `kept`: never e-mailed, shown as "not e-mailed".
 */
export async function enqueueMail(tx: Executor, mail: NewMail): Promise<MailOutboxRow> {
  const parsed = newMail.safeParse(mail);
  if (!parsed.success)
    throw new AppError("validation", `Cannot send this e-mail: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
  const m = parsed.data;
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      toAddress: m.to,
      subject: m.subject.replace(/[\r\n]+/g, " "),
      bodyCiphertext: encryptSecret(JSON.stringify({ text: m.text, html: m.html ?? null }), MAIL_BODY_PURPOSE),
      purpose: m.purpose,
      userId: m.userId ?? null,
      correlationId: m.correlationId ?? null,
      maxAttempts: config.mailMaxAttempts,
      status: config.smtpUrl ? "pending" : "kept",
    })
    .returning();
  return row;
}
