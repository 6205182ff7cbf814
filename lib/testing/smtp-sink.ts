import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** The SMTP envelope (what the sender said in MAIL FROM / RCPT TO). */
  envelope: { from: string; to: string[] };
  /** The authenticated user, when the client logged in. */
  user: string | null;
  parsed: ParsedMail;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  raw: string;
  at: number;
};

/**
 * A real SMTP server for tests (the `smtp-server` package on 127.0.0.1): whatever Portico sends arrives here
 * over the wire, parsed with `mailparser`. `failTimes` answers that many messages with a temporary 451,
 * `rejectWith` answers every RCPT with that permanent code (e.g. 550). Login is optional; any password works.
 */
export async function startTestSmtpServer(
  opts: { port?: number; host?: string; failTimes?: number; rejectWith?: number } = {},
) {
  const received: ReceivedMail[] = [];
  let failuresLeft = opts.failTimes ?? 0;
  let attempts = 0;
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username ?? "" }),
    onRcptTo: (address, _session, cb) => {
      if (opts.rejectWith) {
        const err = Object.assign(new Error(`Mailbox ${address.address} unavailable`), {
          responseCode: opts.rejectWith,
        });
        return cb(err);
      }
      cb();
    },
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        attempts++;
        if (failuresLeft > 0) {
          failuresLeft--;
          return cb(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = await simpleParser(raw);
        const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
        received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          user: (session.user as string | undefined) ?? null,
          parsed,
          to,
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          messageId: parsed.messageId ?? "",
          raw,
          at: Date.now(),
        });
        for (const w of waiters) w();
        cb();
      });
    },
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  /** Waits until a message matching `match` has arrived (default: any to that address), or times out. */
  async function waitForMail(match: string | ((m: ReceivedMail) => boolean), timeoutMs = 15_000) {
    const test = typeof match === "string" ? (m: ReceivedMail) => m.envelope.to.includes(match) : match;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(test);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching e-mail within ${timeoutMs} ms (${received.length} received)`);
      await new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, left);
        waiters.add(done);
      });
    }
  }

  return {
    port,
    url: `smtp://${host}:${port}`,
    received,
    /** Messages the server was handed (accepted or refused with 451). */
    attempts: () => attempts,
    waitForMail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
