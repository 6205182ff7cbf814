import { describe, expect, it } from "vitest";
import { roleLabel, type RoleLabelInput } from "./role-label";

const label = (i: RoleLabelInput) => roleLabel(i).label;

describe("roleLabel", () => {
  it("names federation staff by their job", () => {
    expect(label({ role: "admin", organisations: [{ name: "X", role: "owner" }], tenants: [] })).toBe(
      "federation admin",
    );
    expect(label({ role: "support", organisations: [], tenants: [] })).toBe("support · read-only");
  });

  it("names a provider admin by their strongest organisation role, then counts the rest", () => {
    expect(
      label({ role: "member", organisations: [{ name: "Nordic Compute Centre", role: "owner" }], tenants: [] }),
    ).toBe("owner · Nordic Compute Centre");
    expect(
      label({
        role: "member",
        organisations: [
          { name: "Alpha", role: "member" },
          { name: "Nordic Compute Centre", role: "owner" },
        ],
        tenants: [{ name: "Demo CSP", role: "csp" }],
      }),
    ).toBe("owner · Nordic Compute Centre +2");
    expect(
      roleLabel({
        role: "member",
        organisations: [{ name: "A", role: "member" }],
        tenants: [{ name: "T", role: "csp" }],
      }).all,
    ).toEqual(["member · A", "csp · T"]);
  });

  it("of equal roles names the one held longest, so a newly created organisation does not rename them", () => {
    const organisations = [
      { name: "Keyboard Compute", role: "owner" as const, joinedAt: new Date("2026-12-03T10:00:00Z") },
      { name: "Nordic Compute Centre", role: "owner" as const, joinedAt: new Date("2025-01-01T00:00:00Z") },
    ];
    expect(label({ role: "member", organisations, tenants: [] })).toBe("owner · Nordic Compute Centre +1");
    expect(roleLabel({ role: "member", organisations, tenants: [] }).all).toEqual([
      "owner · Nordic Compute Centre",
      "owner · Keyboard Compute",
    ]);
  });

  it("falls back to a tenant role, then to plain member", () => {
    expect(label({ role: "member", organisations: [], tenants: [{ name: "Demo CSP", role: "reseller" }] })).toBe(
      "reseller · Demo CSP",
    );
    expect(label({ role: "member", organisations: [], tenants: [] })).toBe("member");
  });
});
