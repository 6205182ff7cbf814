#!/usr/bin/env node
// Fails when drizzle/schema and the committed migrations disagree: drizzle-kit generates into a copy
// of drizzle/migrations, and any new migration file there means the schema changed without one.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portico-migrations-"));
try {
  fs.cpSync(path.join(root, "drizzle", "migrations"), path.join(tmp, "migrations"), { recursive: true });
  const config = path.join(root, `drizzle.check-${process.pid}.config.ts`);
  fs.writeFileSync(
    config,
    `import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ dialect: "postgresql", schema: "./drizzle/schema/index.ts", out: ${JSON.stringify(path.join(tmp, "migrations"))} });\n`,
  );
  const before = new Set(fs.readdirSync(path.join(tmp, "migrations")));
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "drizzle-kit"),
    ["generate", "--config", config, "--name", "check"],
    { cwd: root, encoding: "utf8" },
  );
  fs.rmSync(config);
  const added = fs.readdirSync(path.join(tmp, "migrations")).filter((f) => !before.has(f));
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    console.error("drizzle-kit could not read the migrations (a broken snapshot or journal?).");
    process.exit(1);
  }
  if (added.length) {
    console.error(`The schema has changes without a migration: drizzle-kit would add ${added.join(", ")}.`);
    console.error(
      fs.readFileSync(
        path.join(
          tmp,
          "migrations",
          added.find((f) => f.endsWith(".sql")),
        ),
        "utf8",
      ),
    );
    process.exit(1);
  }
  console.log(`Migrations match the schema (${[...before].filter((f) => f.endsWith(".sql")).length} migrations).`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
