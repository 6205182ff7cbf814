import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = {
  id: string;
  timestamp: string;
  signature: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
};

/**
 * A real webhook receiver for tests: node:http on 127.0.0.1 (an ephemeral port unless given). It answers
 * `failTimes` requests with 503 before answering 204, and can be slow (`delayMs`) to widen race windows.
 */
export async function startWebhookReceiver(opts: { port?: number; failTimes?: number; delayMs?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  let failuresLeft = opts.failTimes ?? 0;
  let hits = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      hits++;
      const answer = () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(503, { "content-type": "text/plain" }).end("receiver not ready");
          return;
        }
        received.push({
          id: String(req.headers["webhook-id"] ?? ""),
          timestamp: String(req.headers["webhook-timestamp"] ?? ""),
          signature: String(req.headers["webhook-signature"] ?? ""),
          headers: req.headers,
          body,
          at: Date.now(),
        });
        res.writeHead(204).end();
      };
      if (opts.delayMs) setTimeout(answer, opts.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
