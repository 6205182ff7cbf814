// Tests run on an in-memory PGlite unless DATABASE_URL points at a (fresh) PostgreSQL database.
process.env.PORTICO_DATA_DIR ??= "memory://";
process.env.AUTH_SECRET ??= "test-secret-for-portico-unit-and-integration-tests";
process.env.PORTICO_SCRYPT_COST ??= "1024";
process.env.PORTICO_SEED_DEMO = "false";
process.env.PORTICO_BACKGROUND_JOBS = "off";
process.env.PORTICO_LOG_REQUESTS ??= "false"; // lib/http/access-log.test.ts turns it on
// As under scripts/server.mjs: requests carry the peer's address in x-portico-peer-address (tests set it).
(globalThis as Record<symbol, unknown>)[Symbol.for("portico.peer-address-header")] = true;
