import pg from "pg";

/**
 * A new, empty database on the server of `baseUrl`, named after it with `suffix`, and a function that
 * drops it. Used by tests, the crash test and the load bench so runs never see each other's data.
 */
export async function createScratchDatabase(
  baseUrl: string,
  suffix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(baseUrl);
  const name =
    `${base.pathname.slice(1) || "portico"}_${suffix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
      .replace(/[^a-z0-9_]/gi, "_")
      .toLowerCase();
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const run = async (text: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await run(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) };
}
