import { describe, expect, it } from "vitest";
import { providers } from "@/drizzle/schema";
import { createTestOrganisation, createTestUser, db, unique } from "@/lib/testing/fixtures";
import { ownsProvider } from "./access";
import { listProviders } from "./queries";
import { listProvidersQuery } from "./schemas";

describe("the providers list's 'only providers I manage'", () => {
  it("lists exactly the providers ownsProvider allows: owned, created, or of an organisation the viewer owns or manages", async () => {
    const d = await db();
    const me = await createTestUser();
    const other = await createTestUser();
    const [managerOrg, ownerOrg, memberOrg] = [
      await createTestOrganisation(me.user.id, "manager"),
      await createTestOrganisation(me.user.id, "owner"),
      await createTestOrganisation(me.user.id, "member"),
    ];
    const tag = unique("mine");
    const rows = await d
      .insert(providers)
      .values([
        {
          id: `${tag}-owner`,
          name: `${tag} owned`,
          ownerUserId: me.user.id,
          creatorId: other.user.id,
          source: "portal" as const,
        },
        { id: `${tag}-creator`, name: `${tag} created`, creatorId: me.user.id, source: "portal" as const },
        {
          id: `${tag}-managed`,
          name: `${tag} of a managed organisation`,
          organisationId: managerOrg.id,
          creatorId: other.user.id,
          source: "portal" as const,
        },
        {
          id: `${tag}-owned-org`,
          name: `${tag} of an owned organisation`,
          organisationId: ownerOrg.id,
          creatorId: other.user.id,
          source: "portal" as const,
        },
        {
          id: `${tag}-member-org`,
          name: `${tag} of an organisation I only belong to`,
          organisationId: memberOrg.id,
          creatorId: other.user.id,
          source: "portal" as const,
        },
        {
          id: `${tag}-other`,
          name: `${tag} someone else's`,
          ownerUserId: other.user.id,
          creatorId: other.user.id,
          source: "portal" as const,
        },
      ])
      .returning();

    const q = (raw: Record<string, string>) => listProvidersQuery.parse({ q: tag, size: "100", ...raw });
    const mine = (await listProviders(d, q({ mine: "1" }), undefined, me.user.id)).rows.map((r) => r.id).sort();
    const expected = [];
    for (const p of rows) if (await ownsProvider(d, me.actor, p)) expected.push(p.id);
    expect(mine).toEqual(expected.sort());
    expect(mine).toEqual([`${tag}-creator`, `${tag}-managed`, `${tag}-owned-org`, `${tag}-owner`]);
    // without the filter, everyone's
    expect((await listProviders(d, q({}), undefined, me.user.id)).total).toBe(6);
    // a value other than 1 is ignored, not an error
    expect(listProvidersQuery.parse({ mine: "yes" }).mine).toBeUndefined();
  });
});
