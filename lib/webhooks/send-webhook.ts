import http from "node:http";
import https from "node:https";
import net from "node:net";
import { guardedLookup, isPrivateAddress, PrivateTargetError } from "./target-guard";

export type SendOutcome = {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  response: string | null;
  /** Refused before sending: the target is in a private range and the admin setting does not allow it. */
  refused: boolean;
};

const TIMEOUT_MS = 10_000;

const failed = (error: string, refused = false): SendOutcome => ({
  ok: false,
  httpStatus: null,
  error: error.slice(0, 300),
  response: null,
  refused,
});

/**
 * POSTs one signed message with node:http(s): no redirects followed, a 10 s limit, and every address the
 * host resolves to checked at connect time (a literal address is checked before connecting).
 */
export async function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<SendOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  const loopbackName = host === "localhost" || host.endsWith(".localhost");
  if (!allowPrivate && (net.isIP(host) ? isPrivateAddress(host) : loopbackName))
    return failed(new PrivateTargetError(host, host).message, true);
  const lib = target.protocol === "https:" ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    const req = lib.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allowPrivate),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          if (text.length < 300) text += c;
        });
        res.on("error", (e) => resolve(failed(e.message)));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          resolve({
            ok,
            httpStatus: status,
            error: ok ? null : `HTTP ${status}`,
            response: text.slice(0, 300) || null,
            refused: false,
          });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", (e: NodeJS.ErrnoException) =>
      resolve(failed(e.code ? `${e.code}: ${e.message}` : e.message, e instanceof PrivateTargetError)),
    );
    req.end(body);
  });
}
