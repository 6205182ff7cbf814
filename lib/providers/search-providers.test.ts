import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { evaluateSearch, type SearchRecord } from "@/lib/search/evaluate-search";
import { parseSearch } from "@/lib/search/parse-search";
import { OPERANDS_FOR } from "@/lib/search/types";
import { useFreshDatabase } from "@/lib/testing/fresh-database";
import { providerSearchCondition } from "./queries";
import { PROVIDER_SEARCH_FIELDS } from "./search-fields";

// Differential test: random trees over random providers; the compiled SQL must select exactly what a plain evaluation selects.
let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useFreshDatabase();
});
afterAll(async () => drop());

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "alpha",
  "Alpha",
  "ALPHA",
  "beta",
  "gamma delta",
  "",
  "a",
  "b",
  "Z",
  "zeta",
  "grnet",
  "GRNET",
  "esa",
  "50%_off",
  "o'brien",
  "ü-net",
  "10",
  "9",
];
const DATES = [
  "2020-01-01T00:00:00.000Z",
  "2021-06-15T12:30:00.000Z",
  "2023-03-03T03:03:03.123Z",
  "2024-12-31T23:59:59.999Z",
  "2025-07-01T00:00:00.000Z",
].map((d) => new Date(d));
const SOURCES = ["argo", "registration", "catalogue", "portal"] as const;

describe("search DSL: SQL equals in-memory evaluation", () => {
  it("agrees on 600 random trees over 160 random providers", async () => {
    const db = await getDb();
    const r = rng(20260123);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const word = () => (r() < 0.7 ? pick(WORDS) : pick(WORDS) + pick(WORDS));
    const date = () =>
      r() < 0.6
        ? pick(DATES)
        : new Date(
            Date.UTC(
              2020 + Math.floor(r() * 6),
              Math.floor(r() * 12),
              1 + Math.floor(r() * 28),
              Math.floor(r() * 24),
              0,
              0,
              Math.floor(r() * 1000),
            ),
          );
    const rows = Array.from({ length: 160 }, (_, i) => ({
      id: `p${i}-${pick(WORDS).replace(/[^a-z]/gi, "") || "x"}`,
      name: word(),
      website: word(),
      abbreviation: word(),
      logo: word(),
      creatorId: r() < 0.4 ? "" : word(),
      source: pick(SOURCES),
      createdAt: date(),
      updatedAt: date(),
      importedAt: r() < 0.5 ? null : date(),
    }));
    await db.insert(providers).values(rows);
    const records: SearchRecord[] = rows.map((p) => ({
      id: p.id,
      name: p.name,
      website: p.website,
      abbreviation: p.abbreviation,
      logo: p.logo,
      creator_id: p.creatorId,
      source: p.source,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      imported_at: p.importedAt,
    }));

    const fields = Object.keys(PROVIDER_SEARCH_FIELDS);
    const value = (field: string): string | number => {
      if (PROVIDER_SEARCH_FIELDS[field] === "date") {
        const d = date();
        return r() < 0.2 ? d.toISOString().slice(0, 10) : d.toISOString();
      }
      if (field === "source") return r() < 0.8 ? pick(SOURCES) : "nope";
      if (field === "id") return r() < 0.5 ? pick(rows).id : `p${Math.floor(r() * 200)}`;
      return r() < 0.1 ? Math.floor(r() * 20) : word();
    };
    const tree = (depth: number): unknown => {
      if (depth > 0 && r() < 0.45) {
        const n = Math.floor(r() * 5);
        return {
          type: "filter",
          operator: r() < 0.5 ? "AND" : r() < 0.5 ? "OR" : "or",
          criteria: Array.from({ length: n }, () => tree(depth - 1)),
        };
      }
      const field = pick(fields);
      const operand = r() < 0.1 ? undefined : pick(OPERANDS_FOR[PROVIDER_SEARCH_FIELDS[field]]);
      const node: Record<string, unknown> = { type: "query", field };
      if (operand) node.operand = operand;
      if (operand === "in") node.values = Array.from({ length: 1 + Math.floor(r() * 4) }, () => value(field));
      else if (operand !== "exists" && operand !== "nexists") node.values = value(field);
      return node;
    };

    let nonTrivial = 0;
    for (let i = 0; i < 600; i++) {
      const t = tree(4);
      const typed = parseSearch(t, PROVIDER_SEARCH_FIELDS);
      const expected = records
        .filter((rec) => evaluateSearch(typed, rec))
        .map((rec) => rec.id as string)
        .sort();
      const got = (await db.select({ id: providers.id }).from(providers).where(providerSearchCondition(t)))
        .map((x) => x.id)
        .sort();
      expect(got, JSON.stringify(t)).toEqual(expected);
      if (expected.length > 0 && expected.length < rows.length) nonTrivial++;
    }
    // The trees must actually discriminate, or the comparison proves nothing.
    expect(nonTrivial).toBeGreaterThan(200);
  });
});
