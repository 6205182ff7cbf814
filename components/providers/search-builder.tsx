"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

type FieldType = "text" | "date";
type Operand = "eq" | "neq" | "lt" | "lte" | "gt" | "gte" | "in" | "like" | "exists" | "nexists";
type Cond = { kind: "cond"; key: number; field: string; operand: Operand; value: string };
type Group = { kind: "group"; key: number; operator: "AND" | "OR"; items: (Cond | Group)[] };

const LABELS: Record<Operand, string> = {
  eq: "equals",
  neq: "does not equal",
  like: "contains",
  in: "is one of",
  lt: "is less than",
  lte: "is at most",
  gt: "is greater than",
  gte: "is at least",
  exists: "is set",
  nexists: "is empty",
};
const OPERANDS: Record<FieldType, Operand[]> = {
  text: ["eq", "neq", "like", "in", "lt", "lte", "gt", "gte", "exists", "nexists"],
  date: ["eq", "neq", "lt", "lte", "gt", "gte", "in", "exists", "nexists"],
};

let nextKey = 1;
const key = () => nextKey++;

/** The builder's tree → the ARGO search DSL (the same JSON the API takes). */
function toDsl(n: Cond | Group): unknown {
  if (n.kind === "group") return { type: "filter", operator: n.operator, criteria: n.items.map(toDsl) };
  const q: Record<string, unknown> = { type: "query", field: n.field, operand: n.operand };
  if (n.operand === "in")
    q.values = n.value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  else if (n.operand !== "exists" && n.operand !== "nexists") q.values = n.value;
  return q;
}

/** The DSL from the URL → the builder's tree (a query at the root becomes a group of one). */
function fromDsl(node: unknown, fields: Record<string, FieldType>, root = true): Cond | Group {
  const o = (node && typeof node === "object" ? node : {}) as Record<string, unknown>;
  if (o.type === "filter" && Array.isArray(o.criteria)) {
    return {
      kind: "group",
      key: key(),
      operator: String(o.operator).toUpperCase() === "OR" ? "OR" : "AND",
      items: o.criteria.map((c) => fromDsl(c, fields, false)),
    };
  }
  const field = typeof o.field === "string" && fields[o.field] ? o.field : (Object.keys(fields)[1] ?? "name");
  const cond: Cond = {
    kind: "cond",
    key: key(),
    field,
    operand: (typeof o.operand === "string" ? o.operand : "eq") as Operand,
    value: Array.isArray(o.values) ? o.values.join(", ") : o.values === undefined ? "" : String(o.values),
  };
  return root ? { kind: "group", key: key(), operator: "AND", items: [cond] } : cond;
}

const control =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Visual search builder: conditions and nested AND/OR groups; shows the DSL and runs it through the URL. */
export function SearchBuilder({
  fields,
  initial,
  error,
}: {
  fields: Record<string, FieldType>;
  initial?: unknown;
  error?: string;
}) {
  const router = useRouter();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  const [copied, setCopied] = useState(false);
  const [root, setRoot] = useState<Group>(() =>
    initial ? (fromDsl(initial, fields) as Group) : { kind: "group", key: key(), operator: "AND", items: [] },
  );
  const json = useMemo(() => JSON.stringify(toDsl(root), null, 2), [root]);
  const jsonId = useId();

  const update = (fn: (g: Group) => void) =>
    setRoot((r) => {
      const copy = structuredClone(r);
      fn(copy);
      setCopied(false);
      return copy;
    });
  const find = (g: Group, k: number): Group | Cond | undefined =>
    g.key === k ? g : g.items.map((i) => (i.key === k ? i : i.kind === "group" ? find(i, k) : undefined)).find(Boolean);
  const parentOf = (g: Group, k: number): Group | undefined =>
    g.items.some((i) => i.key === k)
      ? g
      : g.items.map((i) => (i.kind === "group" ? parentOf(i, k) : undefined)).find(Boolean);

  const run = (dsl: unknown | null) => {
    const q = new URLSearchParams(params.toString());
    q.delete("page");
    if (dsl === null) q.delete("dsl");
    else q.set("dsl", JSON.stringify(dsl));
    start(() => router.push(`/providers?${q}`));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
    } catch {
      const el = document.getElementById(jsonId);
      if (el) window.getSelection()?.selectAllChildren(el);
      document.execCommand?.("copy");
    }
    setCopied(true);
  };

  const renderCond = (c: Cond, n: number) => {
    const type = fields[c.field] ?? "text";
    const noValue = c.operand === "exists" || c.operand === "nexists";
    return (
      <div key={c.key} className="flex flex-wrap items-center gap-2" data-testid="search-condition">
        <select
          aria-label={`Field of condition ${n}`}
          className={control}
          value={c.field}
          onChange={(e) =>
            update((r) => {
              const t = find(r, c.key) as Cond;
              t.field = e.target.value;
              if (!OPERANDS[fields[t.field]].includes(t.operand)) t.operand = "eq";
            })
          }
        >
          {Object.keys(fields).map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
        <select
          aria-label={`Operand of condition ${n}`}
          className={control}
          value={c.operand}
          onChange={(e) => update((r) => void ((find(r, c.key) as Cond).operand = e.target.value as Operand))}
        >
          {OPERANDS[type].map((o) => (
            <option key={o} value={o}>
              {LABELS[o]}
            </option>
          ))}
        </select>
        {!noValue && (
          <input
            aria-label={`Value of condition ${n}`}
            className={`${control} w-full min-w-0 sm:w-auto sm:flex-1`}
            value={c.value}
            placeholder={
              c.operand === "in" ? "a, b, c" : type === "date" ? "2024-01-31 or 2024-01-31T12:00:00Z" : "value"
            }
            onChange={(e) => update((r) => void ((find(r, c.key) as Cond).value = e.target.value))}
          />
        )}
        <Button
          type="button"
          variant="ghost"
          aria-label={`Remove condition ${n}`}
          onClick={() =>
            update((r) => {
              const p = parentOf(r, c.key)!;
              p.items = p.items.filter((i) => i.key !== c.key);
            })
          }
        >
          Remove
        </Button>
      </div>
    );
  };

  let counter = 0;
  const renderGroup = (g: Group, depth: number, label: string): React.ReactNode => (
    <fieldset
      key={g.key}
      className={`space-y-2 rounded-md border p-3 ${depth % 2 ? "border-blue-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-800/50" : "border-slate-300 dark:border-slate-700"}`}
      data-testid="search-group"
    >
      <legend className="px-1 text-xs font-medium text-slate-600 dark:text-slate-300">{label}</legend>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-2">
          Match
          <select
            aria-label={`Operator of ${label.toLowerCase()}`}
            className={control}
            value={g.operator}
            onChange={(e) => update((r) => void ((find(r, g.key) as Group).operator = e.target.value as "AND" | "OR"))}
          >
            <option value="AND">all (AND)</option>
            <option value="OR">any (OR)</option>
          </select>
          of these:
        </label>
        {depth > 0 && (
          <Button
            type="button"
            variant="ghost"
            aria-label={`Remove ${label.toLowerCase()}`}
            onClick={() =>
              update((r) => {
                const p = parentOf(r, g.key)!;
                p.items = p.items.filter((i) => i.key !== g.key);
              })
            }
          >
            Remove group
          </Button>
        )}
      </div>
      {g.items.length === 0 && <p className="text-sm text-slate-500">No conditions: everything matches.</p>}
      {g.items.map((i) =>
        i.kind === "cond" ? renderCond(i, ++counter) : renderGroup(i, depth + 1, `Group ${++counter}`),
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            update((r) =>
              (find(r, g.key) as Group).items.push({
                kind: "cond",
                key: key(),
                field: "name",
                operand: "like",
                value: "",
              }),
            )
          }
        >
          Add condition{depth > 0 ? ` to ${label.toLowerCase()}` : ""}
        </Button>
        {depth < 8 && (
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              update((r) =>
                (find(r, g.key) as Group).items.push({ kind: "group", key: key(), operator: "OR", items: [] }),
              )
            }
          >
            Add group{depth > 0 ? ` to ${label.toLowerCase()}` : ""}
          </Button>
        )}
      </div>
    </fieldset>
  );

  return (
    <div className="space-y-3">
      {renderGroup(root, 0, "All providers where")}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" onClick={() => run(JSON.parse(json))} disabled={pending}>
          {pending ? "Searching…" : "Search"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setRoot({ kind: "group", key: key(), operator: "AND", items: [] });
            run(null);
          }}
        >
          Clear search
        </Button>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">Search as JSON (POST /accounting-system/providers/search)</summary>
        <div className="mt-2 flex items-start gap-2">
          <pre
            id={jsonId}
            data-testid="search-json"
            className="max-h-72 flex-1 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800"
          >
            {json}
          </pre>
          <Button type="button" variant="secondary" onClick={copy}>
            {copied ? "Copied" : "Copy JSON"}
          </Button>
        </div>
      </details>
    </div>
  );
}
