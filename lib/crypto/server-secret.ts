import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

const cache = globalThis as unknown as { __portico_secret?: string };

function secretFile(): string {
  const dir = config.dataDir.startsWith("memory://") ? path.join(process.cwd(), ".data") : path.dirname(config.dataDir);
  return path.join(dir, "auth-secret");
}

/**
 * The server secret: AUTH_SECRET, or (so that `npm start` needs no set-up) one generated on first
 * start and kept beside the embedded database. Several processes on one PostgreSQL must share
 * AUTH_SECRET, which the README says.
 */
export function serverSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (cache.__portico_secret) return cache.__portico_secret;
  const file = secretFile();
  let secret: string;
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    secret = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    } catch {
      secret = fs.readFileSync(file, "utf8").trim(); // another process won the race
    }
  }
  cache.__portico_secret = secret;
  return secret;
}

const derived = new Map<string, Buffer>();

/**
 * A key derived from the server secret for one purpose, so no two uses share a key. Derived once per
 * (secret, purpose): token lookups on every request need it.
 */
export function derivedKey(purpose: string): Buffer {
  const secret = serverSecret();
  const id = `${purpose}\u0000${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "portico", purpose, 32));
    derived.set(id, key);
  }
  return key;
}
