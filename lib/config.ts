import path from "node:path";

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
  get seedDemo(): boolean {
    return process.env.PORTICO_SEED_DEMO !== "false";
  },
};
