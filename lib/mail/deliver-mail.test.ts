import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "@/drizzle/schema";
import { getDb, type Db } from "@/lib/db/client";
import { otherPool, restartDb } from "@/lib/testing/other-pool";
import { backoffAfter, claimDueRows } from "@/lib/jobs/claim-due-rows";
import { unique } from "@/lib/testing/fixtures";
import { startTestSmtpServer } from "@/lib/testing/smtp-sink";
import { deliverDueMails } from "./deliver-mail";
import { enqueueMail } from "./enqueue-mail";
import { renderMail } from "./render-mail";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  delete process.env.PORTICO_SMTP_URL;
  while (cleanups.length) await cleanups.pop()!();
});
beforeAll(() => void (process.env.PORTICO_PUBLIC_URL = "https://portico.example.org"));
afterAll(() => void delete process.env.PORTICO_PUBLIC_URL);

async function sink(opts: Parameters<typeof startTestSmtpServer>[0] = {}) {
  const s = await startTestSmtpServer(opts);
  cleanups.push(s.close);
  process.env.PORTICO_SMTP_URL = s.url;
  return s;
}

async function queue(db: Db, to = `${unique("rcpt")}@example.test`) {
  const content = renderMail({
    subject: "Provider approved",
    greeting: "Hello Ada,",
    paragraphs: ["Your provider <b>Nordic</b> & co is approved."],
    action: { label: "Open in Portico", href: "/providers/nordic" },
  });
  return enqueueMail(db, { to, ...content, purpose: "notification" });
}

const rowOf = async (db: Db, id: string) => (await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];

describe("mail delivery over SMTP", () => {
  it("sends plain text and HTML through a real SMTP server, with an absolute portal link", async () => {
    const smtp = await sink();
    const db = await getDb();
    const mail = await queue(db);
    expect(mail.status).toBe("pending");
    expect(mail.bodyCiphertext).not.toContain("Nordic"); // stored encrypted
    expect(await deliverDueMails(db, { onlyId: mail.id })).toEqual([{ id: mail.id, outcome: "sent" }]);
    const got = await smtp.waitForMail(mail.toAddress);
    expect(got.subject).toBe("Provider approved");
    expect(got.text).toContain("Your provider <b>Nordic</b> & co is approved.");
    expect(got.text).toContain("Open in Portico: https://portico.example.org/providers/nordic");
    expect(got.html).toContain("Your provider &lt;b&gt;Nordic&lt;/b&gt; &amp; co is approved.");
    expect(got.html).toContain('href="https://portico.example.org/providers/nordic"');
    expect(got.messageId).toBe(`<${mail.id}@localhost>`);
    expect(got.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(got.envelope.from).toBe("portico@localhost");
    expect(await rowOf(db, mail.id)).toMatchObject({ status: "sent", attempts: 1, claimId: null });
    expect(await deliverDueMails(db, { onlyId: mail.id })).toEqual([]); // never twice
  });

  it("logs in with the user and password of PORTICO_SMTP_URL and uses PORTICO_MAIL_FROM", async () => {
    const smtp = await sink();
    process.env.PORTICO_SMTP_URL = `smtp://mailer:s3cret@127.0.0.1:${smtp.port}`;
    process.env.PORTICO_MAIL_FROM = "Nordic Portal <portal@nordic.example>";
    cleanups.push(async () => void delete process.env.PORTICO_MAIL_FROM);
    const db = await getDb();
    const mail = await queue(db);
    await deliverDueMails(db, { onlyId: mail.id });
    const got = await smtp.waitForMail(mail.toAddress);
    expect(got.user).toBe("mailer");
    expect(got.parsed.from?.text).toBe('"Nordic Portal" <portal@nordic.example>');
    expect(got.messageId).toBe(`<${mail.id}@nordic.example>`);
  });

  it("keeps messages when no SMTP server is configured: never e-mailed, never claimed", async () => {
    const db = await getDb();
    const mail = await queue(db);
    expect(mail.status).toBe("kept");
    expect(await deliverDueMails(db, { onlyId: mail.id })).toEqual([]);
  });

  it("retries a temporary refusal with exponential backoff, gives up at once on a permanent one", async () => {
    const smtp = await sink({ failTimes: 2 });
    const db = await getDb();
    const mail = await queue(db);
    const t0 = new Date();
    expect((await deliverDueMails(db, { onlyId: mail.id, now: t0 }))[0].outcome).toBe("retry");
    const first = await rowOf(db, mail.id);
    expect(first.lastError).toMatch(/^451/);
    expect(first.nextAttemptAt.getTime() - t0.getTime()).toBe(backoffAfter(1, 30_000));
    expect(await deliverDueMails(db, { onlyId: mail.id, now: new Date(first.nextAttemptAt.getTime() - 1) })).toEqual(
      [],
    );
    expect((await deliverDueMails(db, { onlyId: mail.id, now: first.nextAttemptAt }))[0].outcome).toBe("retry");
    const second = await rowOf(db, mail.id);
    expect(second.nextAttemptAt.getTime() - first.nextAttemptAt.getTime()).toBe(backoffAfter(2, 30_000));
    expect((await deliverDueMails(db, { onlyId: mail.id, now: second.nextAttemptAt }))[0].outcome).toBe("sent");
    expect(smtp.attempts()).toBe(3);
    expect(smtp.received).toHaveLength(1);

    const refusing = await sink({ rejectWith: 550 });
    const bounced = await queue(db);
    expect((await deliverDueMails(db, { onlyId: bounced.id }))[0].outcome).toBe("failed");
    expect(await rowOf(db, bounced.id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await rowOf(db, bounced.id)).lastError).toMatch(/^550/);
    expect(refusing.received).toHaveLength(0);
  });

  it("retries while the server is down and fails after the attempt limit", async () => {
    const smtp = await sink();
    await smtp.close();
    cleanups.pop();
    const db = await getDb();
    const mail = await queue(db);
    let now = new Date();
    for (let i = 0; i < mail.maxAttempts; i++) {
      const [r] = await deliverDueMails(db, { onlyId: mail.id, now });
      expect(r.outcome).toBe(i === mail.maxAttempts - 1 ? "failed" : "retry");
      now = (await rowOf(db, mail.id)).nextAttemptAt;
    }
    expect((await rowOf(db, mail.id)).lastError).toMatch(/ECONNREFUSED/);
  });

  it("loses nothing when a worker dies mid-claim: another takes over after the lease", async () => {
    const smtp = await sink();
    let db = await getDb();
    const mail = await queue(db);
    const now = new Date();
    const crashed = await claimDueRows(db, mailOutbox, { now, limit: 1, leaseMs: 90_000, onlyId: mail.id });
    expect(crashed.rows).toHaveLength(1);
    db = await restartDb(db); // a real restart on PostgreSQL: a new pool on the same database
    expect(await deliverDueMails(db, { onlyId: mail.id, now })).toEqual([]); // the lease still holds
    expect(await deliverDueMails(db, { onlyId: mail.id, now: new Date(now.getTime() + 91_000) })).toEqual([
      { id: mail.id, outcome: "sent" },
    ]);
    expect(smtp.received).toHaveLength(1);
  });

  it("sends each message once when several workers (and, on PostgreSQL, separate pools) run at once", async () => {
    const smtp = await sink();
    const db = await getDb();
    const mails = [];
    for (let i = 0; i < 6; i++) mails.push(await queue(db));
    const ids = mails.map((m) => m.id);
    const second = await otherPool();
    cleanups.push(second.end);
    const other = second.db;
    const runs = await Promise.all([db, other, db, other].map((d) => deliverDueMails(d, { limit: 50 })));
    const mine = runs.flat().filter((r) => ids.includes(r.id));
    expect(mine.map((r) => r.outcome)).toEqual(ids.map(() => "sent"));
    const addresses = mails.map((m) => m.toAddress);
    // on a shared PostgreSQL database other files' pending mails may go out too: count only ours
    const ours = smtp.received.map((m) => m.envelope.to[0]).filter((to) => addresses.includes(to));
    expect(ours.sort()).toEqual([...addresses].sort());
    const rows = await db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("refuses what is not an e-mail address and strips line breaks from subjects", async () => {
    const db = await getDb();
    await expect(enqueueMail(db, { to: "not an address", subject: "x", text: "y" })).rejects.toMatchObject({
      code: "validation",
    });
    const m = await enqueueMail(db, { to: "a@example.test", subject: "one\r\nBcc: evil@example.test", text: "y" });
    expect(m.subject).toBe("one Bcc: evil@example.test");
  });
});
