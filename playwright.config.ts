import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The e2e run gets its own server: `npm start` on a fresh data directory (or E2E_DATABASE_URL), seeded demo.
const port = Number(process.env.E2E_PORT || 3100);
process.env.E2E_DATA_DIR ??= path.join(import.meta.dirname, ".data", `e2e-${Date.now()}`, "pglite");
const baseURL = `http://127.0.0.1:${port}`;
// The mailbox the e2e server sends through (scripts/e2e-mail-sink.ts); its ports follow the server's.
process.env.E2E_SMTP_PORT ??= String(port + 22000);
process.env.E2E_MAIL_HTTP_PORT ??= String(port + 23000);

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, dependencies: ["setup"], use: chromium },
    { name: "ui", testMatch: /^(?!.*api\/).*\.spec\.ts$/, dependencies: ["setup"], use: chromium },
  ],
  webServer: [
    {
      command: "node --import tsx scripts/e2e-mail-sink.ts",
      url: `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT}/`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      // The server's output also goes to a file, which `npm test` scans for leaked secrets.
      command: "node scripts/start.mjs 2>&1 | tee -a .data/e2e-server.log",
      url: `${baseURL}/login`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        ...(process.env as Record<string, string>),
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        PORTICO_DATA_DIR: process.env.E2E_DATA_DIR!,
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        AUTH_SECRET: "e2e-secret-not-for-production-use-0123456789",
        PORTICO_LOGIN_LIMIT_PER_IP: "500",
        // e2e/api/client-address.spec.ts runs a reverse proxy that reaches the server from this address.
        PORTICO_TRUSTED_PROXIES: "127.0.0.2",
        PORTICO_ADMIN_EMAIL: "bootstrap-admin@portico.local",
        PORTICO_ADMIN_PASSWORD: "bootstrap-admin-password",
        PORTICO_ADMIN_TOKEN: "ptk_e2e_bootstrap_admin_token_0123456789abcdefghij",
        PORTICO_SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        PORTICO_PUBLIC_URL: baseURL,
        PORTICO_SIGNUP: "open",
      },
    },
  ],
});
