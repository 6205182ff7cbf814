import { expect } from "vitest";
import { organisationMembers } from "@/drizzle/schema";
import { POST as createCategory } from "@/app/api/marketplace-categories/route";
import { POST as createCustomer } from "@/app/api/customers/route";
import { call, db, unique } from "./fixtures";

/**
 * Checks `actual` against a seed example: every key present, same JSON type (null stays null),
 * recursively; values equal except the keys listed as volatile (ids, times, tokens).
 */
export function expectSeedShape(actual: unknown, expected: unknown, volatile: Set<string>, path = "$"): void {
  const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  expect(kind(actual), `type of ${path}`).toBe(kind(expected));
  if (kind(expected) === "object") {
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      expect(actual as object, `${path} has ${k}`).toHaveProperty([k]);
      expectSeedShape((actual as Record<string, unknown>)[k], v, volatile, `${path}.${k}`);
    }
  } else if (kind(expected) === "array") {
    const a = actual as unknown[];
    const e = expected as unknown[];
    expect(a.length, `length of ${path}`).toBe(e.length);
    e.forEach((v, i) => expectSeedShape(a[i], v, volatile, `${path}[${i}]`));
  } else if (
    !volatile.has(
      path
        .replace(/\[\d+\]/g, "[]")
        .split(".")
        .pop()!,
    )
  ) {
    expect(actual, `value of ${path}`).toEqual(expected);
  }
}

/** A customer (with `ownerId` as its owner) and a category, made through the Waldur API as staff. */
export async function createWaldurCustomerAndCategory(
  staffToken: string,
  opts: { ownerId?: string; customerName?: string; categoryTitle?: string } = {},
) {
  const customer = await call(createCustomer, "POST", "/api/customers/", {
    token: staffToken,
    scheme: "Token",
    body: { name: opts.customerName ?? `Customer ${unique()}` },
  });
  expect(customer.status).toBe(201);
  const category = await call(createCategory, "POST", "/api/marketplace-categories/", {
    token: staffToken,
    scheme: "Token",
    body: { title: opts.categoryTitle ?? `Category ${unique()}` },
  });
  expect(category.status).toBe(201);
  if (opts.ownerId) {
    const { toUuid } = await import("@/lib/offerings/refs");
    await (
      await db()
    )
      .insert(organisationMembers)
      .values({ organisationId: toUuid(customer.json.uuid)!, userId: opts.ownerId, role: "owner" });
  }
  return { customer: customer.json, category: category.json };
}
