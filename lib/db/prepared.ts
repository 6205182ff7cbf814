import type { Executor } from "./types";

/**
 * A hot query built once per database handle and run as a named prepared statement: drizzle does not build
 * its SQL again on every call, and PostgreSQL parses and plans it once per connection. `build` gets the handle
 * (the process-wide database, or a transaction, which builds its own); the query's `sql.placeholder("x")`
 * values are given to `execute({ x })`. Each statement name must belong to exactly one SQL text.
 */
export function prepared<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  const built = new WeakMap<Executor, Q>();
  return (db) => {
    let q = built.get(db);
    if (!q) built.set(db, (q = build(db)));
    return q;
  };
}
