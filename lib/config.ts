import path from "node:path";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/http/trusted-proxies";

let trusted: { spec: string | undefined; proxies: TrustedProxies } | undefined;

// Every setting Portico reads from the environment, in one place (documented in README and .env.example).
export const config = {
  get databaseUrl(): string | undefined {
    return process.env.DATABASE_URL || undefined;
  },
  get dataDir(): string {
    return process.env.PORTICO_DATA_DIR || path.join(process.cwd(), ".data", "pglite");
  },
  get adminEmail(): string | undefined {
    return process.env.PORTICO_ADMIN_EMAIL || undefined;
  },
  get adminPassword(): string | undefined {
    return process.env.PORTICO_ADMIN_PASSWORD || undefined;
  },
  get adminToken(): string | undefined {
    return process.env.PORTICO_ADMIN_TOKEN || undefined;
  },
  /** ISO 4217 currency of offering prices; effective prices round to its minor unit. */
  get currency(): string {
    return (process.env.PORTICO_CURRENCY || "EUR").toUpperCase();
  },
  /** One JSON line per API request (correlation id, method, path, status, ms); `false` turns it off. */
  get logRequests(): boolean {
    return process.env.PORTICO_LOG_REQUESTS !== "false";
  },
  /**
   * Waldur answers where seed 001 and Waldur's published schema disagree: `seed` (default) as the seed
   * documents them, `waldur` as the schema declares them (lib/dialects/waldur/seed-differences.ts lists both).
   */
  get waldurSuccessCodes(): "seed" | "waldur" {
    const v = (process.env.PORTICO_WALDUR_SUCCESS_CODES || "seed").trim().toLowerCase();
    if (v !== "seed" && v !== "waldur")
      throw new Error(`PORTICO_WALDUR_SUCCESS_CODES must be "seed" or "waldur", not "${v}"`);
    return v;
  },
  /** Proxies whose forwarding header counts (addresses or CIDRs); none by default: the socket's address is the client's. */
  get trustedProxies(): TrustedProxies {
    const spec = process.env.PORTICO_TRUSTED_PROXIES;
    if (!trusted || trusted.spec !== spec) trusted = { spec, proxies: parseTrustedProxies(spec) };
    return trusted.proxies;
  },
  /**
   * The one forwarding header the trusted proxies write. Only one counts: a proxy passes on the headers it
   * does not manage as the caller sent them, so reading a second one would let the caller write it.
   */
  get trustedProxyHeader(): "x-forwarded-for" | "x-real-ip" | "forwarded" {
    const v = (process.env.PORTICO_TRUSTED_PROXY_HEADER || "x-forwarded-for").trim().toLowerCase();
    if (v !== "x-forwarded-for" && v !== "x-real-ip" && v !== "forwarded")
      throw new Error(`PORTICO_TRUSTED_PROXY_HEADER must be x-forwarded-for, x-real-ip or forwarded, not "${v}"`);
    return v;
  },
  /**
   * Who may make an account: `open` (anyone with a working e-mail address), `invite-only` (default: only by
   * following an invitation) or `off` (no self-service accounts; invitations reach existing accounts only).
   */
  get signup(): "open" | "invite-only" | "off" {
    const v = (process.env.PORTICO_SIGNUP || "invite-only").trim().toLowerCase();
    if (v !== "open" && v !== "invite-only" && v !== "off")
      throw new Error(`PORTICO_SIGNUP must be open, invite-only or off, not "${v}"`);
    return v;
  },
  get seedDemo(): boolean {
    return process.env.PORTICO_SEED_DEMO !== "false";
  },
  /** Where the provider catalogue is imported from: http(s) URL or file path; defaults to the shipped sample. */
  get catalogueUrl(): string {
    return (
      process.env.PORTICO_CATALOGUE_URL || path.join(process.cwd(), "data", "catalogue", "eosc-providers.sample.json")
    );
  },
  /** Hours between automatic catalogue imports (default 24: once a day). */
  get catalogueImportHours(): number {
    const n = Number(process.env.PORTICO_CATALOGUE_IMPORT_HOURS || 24);
    return Number.isFinite(n) && n > 0 ? n : 24;
  },
  /** SMTP server for e-mail (`smtp://user:pass@host:587`, `smtps://…:465`); unset → mails are kept, not sent. */
  get smtpUrl(): string | undefined {
    return process.env.PORTICO_SMTP_URL || undefined;
  },
  /** The From of every e-mail. */
  get mailFrom(): string {
    return process.env.PORTICO_MAIL_FROM || "Portico <portico@localhost>";
  },
  /** Where people reach the portal: absolute links in e-mails. Defaults to AUTH_URL, then http://localhost:PORT. */
  get publicUrl(): string {
    const url =
      process.env.PORTICO_PUBLIC_URL || process.env.AUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
    return url.replace(/\/+$/, "");
  },
  get mailMaxAttempts(): number {
    return positive(process.env.PORTICO_MAIL_MAX_ATTEMPTS, 8);
  },
  /** The first retry's delay; each further one doubles (at most 6 hours). */
  get mailBackoffMs(): number {
    return positive(process.env.PORTICO_MAIL_BACKOFF_MS, 30_000);
  },
  get webhookMaxAttempts(): number {
    return positive(process.env.PORTICO_WEBHOOK_MAX_ATTEMPTS, 10);
  },
  /** The first webhook retry's delay; each further one doubles (at most 6 hours). */
  get webhookBackoffMs(): number {
    return positive(process.env.PORTICO_WEBHOOK_BACKOFF_MS, 30_000);
  },
};

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}
