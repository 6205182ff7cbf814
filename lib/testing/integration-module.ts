import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWelcome = { path: string; authorization: string | undefined; body: unknown; at: number };

/**
 * A real receiving integration module for tests: node:http on 127.0.0.1, an ephemeral port. It answers
 * `failTimes` requests with 500 before succeeding, and can be slow (`delayMs`) to widen race windows.
 */
export async function startIntegrationModule(opts: { failTimes?: number; delayMs?: number; status?: number } = {}) {
  const received: ReceivedWelcome[] = [];
  let failuresLeft = opts.failTimes ?? 0;
  let hits = 0;
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      hits++;
      const answer = () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(500, { "content-type": "text/plain" }).end("integration module not ready");
          return;
        }
        let body: unknown = data;
        try {
          body = JSON.parse(data);
        } catch {
          /* keep raw */
        }
        received.push({ path: req.url ?? "", authorization: req.headers.authorization, body, at: Date.now() });
        res.writeHead(opts.status ?? 200, { "content-type": "application/json" }).end("{}");
      };
      if (opts.delayMs) setTimeout(answer, opts.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
