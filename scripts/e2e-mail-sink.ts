// The e2e run's mailbox: the real SMTP sink of the tests (lib/testing/smtp-sink.ts) on E2E_SMTP_PORT, which the
// e2e server sends through (PORTICO_SMTP_URL), and on E2E_MAIL_HTTP_PORT a JSON list of what arrived, which
// specs read links from: GET /messages?to=<address> → [{to, subject, text, at}], oldest first.
import http from "node:http";
import { startTestSmtpServer } from "@/lib/testing/smtp-sink";

const smtpPort = Number(process.env.E2E_SMTP_PORT);
const httpPort = Number(process.env.E2E_MAIL_HTTP_PORT);
if (!smtpPort || !httpPort) throw new Error("E2E_SMTP_PORT and E2E_MAIL_HTTP_PORT are required");

const smtp = await startTestSmtpServer({ port: smtpPort });
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://sink");
  if (url.pathname !== "/messages") return void res.writeHead(200).end("mail sink");
  const to = url.searchParams.get("to")?.toLowerCase();
  const list = smtp.received
    .filter((m) => !to || m.envelope.to.some((a) => a.toLowerCase() === to))
    .map((m) => ({ to: m.envelope.to, subject: m.subject, text: m.text, at: m.at }));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(list));
});
server.listen(httpPort, "127.0.0.1", () => console.log(`mail sink: smtp ${smtpPort}, http ${httpPort}`));
const stop = () => void smtp.close().then(() => server.close(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
