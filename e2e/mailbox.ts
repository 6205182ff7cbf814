import { expect } from "@playwright/test";

export type Mail = { to: string[]; subject: string; text: string; at: number };

const sink = () => `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT}`;

/** The mails the e2e server sent to `to` (through scripts/e2e-mail-sink.ts), oldest first. */
export async function mailsTo(to: string): Promise<Mail[]> {
  const res = await fetch(`${sink()}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as Mail[];
}

/** Waits for the `n`th mail to `to` whose subject matches, and returns it. */
export async function waitForMail(to: string, subject: RegExp, n = 1): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(to)).filter((m) => subject.test(m.subject))[n - 1];
        return Boolean(found);
      },
      { timeout: 30_000, message: `mail ${n} to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found!;
}

/** The portal link of `path` in a mail's text, as a path with its query (the e2e server's public URL is its own). */
export function linkIn(mail: Mail, path: string): string {
  const m = new RegExp(`https?://[^/\\s]+(${path.replace(/\//g, "\\/")}\\?token=[A-Za-z0-9_%]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in: ${mail.text}`);
  return m[1];
}
