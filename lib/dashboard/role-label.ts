import type { GlobalRole } from "@/lib/auth/actor";

export type RoleLabelInput = {
  role: GlobalRole;
  /** `joinedAt`: when they got the role; of equal roles the oldest names them (a new organisation doesn't). */
  organisations: { name: string; role: "owner" | "manager" | "member"; joinedAt?: Date }[];
  tenants: { name: string; role: "csp" | "reseller" }[];
};

const RANK = { owner: 0, manager: 1, member: 2 } as const;

/**
 * What the person is, said the way they would say it: "federation admin", "owner · Nordic Compute
 * Centre" (their strongest organisation role, of equal roles the one held longest, "+2" when they hold roles
 * in more), "csp · Demo CSP".
 */
export function roleLabel({ role, organisations, tenants }: RoleLabelInput): { label: string; all: string[] } {
  if (role === "admin") return { label: "federation admin", all: ["federation admin"] };
  if (role === "support") return { label: "support · read-only", all: ["support · read-only"] };
  const held = (o: { joinedAt?: Date }) => o.joinedAt?.getTime() ?? 0;
  const orgs = [...organisations].sort(
    (a, b) => RANK[a.role] - RANK[b.role] || held(a) - held(b) || a.name.localeCompare(b.name),
  );
  const places = [
    ...orgs.map((o) => `${o.role} · ${o.name}`),
    ...[...tenants].sort((a, b) => a.name.localeCompare(b.name)).map((t) => `${t.role} · ${t.name}`),
  ];
  if (places.length === 0) return { label: "member", all: ["member"] };
  return { label: places.length === 1 ? places[0] : `${places[0]} +${places.length - 1}`, all: places };
}
