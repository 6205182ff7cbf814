import { sql, type SQL } from "drizzle-orm";
import type { TypedNode, TypedQuery } from "./types";

/** Where each allowed field lives in SQL: a column or expression of type text or timestamptz. */
export type SqlFieldMap = Record<string, SQL>;

// Text compares in byte order (COLLATE "C") so the SQL agrees with a plain evaluation everywhere.
function compileQuery(q: TypedQuery, col: SQL): SQL {
  const v = (x: string | Date) => (x instanceof Date ? sql`${x.toISOString()}::timestamptz` : sql`${x}::text`);
  const c = q.fieldType === "text" ? sql`(${col}) collate "C"` : col;
  const [first] = q.values;
  switch (q.operand) {
    case "eq":
      return sql`${c} = ${v(first)}`;
    case "neq":
      return sql`${c} is distinct from ${v(first)}`;
    case "lt":
      return sql`${c} < ${v(first)}`;
    case "lte":
      return sql`${c} <= ${v(first)}`;
    case "gt":
      return sql`${c} > ${v(first)}`;
    case "gte":
      return sql`${c} >= ${v(first)}`;
    case "in":
      return sql`${c} in (${sql.join(q.values.map(v), sql`, `)})`;
    case "like":
      return sql`strpos(lower(${col}), lower(${first as string}::text)) > 0`;
    case "exists":
      return q.fieldType === "text" ? sql`coalesce(${col}, '') <> ''` : sql`${col} is not null`;
    case "nexists":
      return q.fieldType === "text" ? sql`coalesce(${col}, '') = ''` : sql`${col} is null`;
  }
}

/**
 * A typed search tree → one parameterised SQL condition: every value is a bound parameter, every
 * column comes from the allow-list, so nothing the client sends is ever spliced into the SQL text.
 */
export function compileSearch(node: TypedNode, fields: SqlFieldMap): SQL {
  if (node.type === "query") {
    const col = fields[node.field];
    if (!col) throw new Error(`Field ${node.field} has no SQL mapping`);
    return sql`(${compileQuery(node, col)})`;
  }
  if (node.criteria.length === 0) return sql`true`;
  const joiner = node.operator === "AND" ? sql` and ` : sql` or `;
  return sql`(${sql.join(
    node.criteria.map((c) => compileSearch(c, fields)),
    joiner,
  )})`;
}
