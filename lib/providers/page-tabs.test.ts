import { describe, expect, it } from "vitest";
import { providerAccessGrants, providers } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { createTestUser, unique } from "@/lib/testing/fixtures";
import { providerTabParam, providerTabsFor } from "./page-tabs";

describe("provider page tabs", () => {
  it("shows the registration tab of a registered provider to its owner, admins and support only, and the usage tab to report readers", async () => {
    const db = await getDb();
    const [owner, admin, support, other, viewer] = await Promise.all([
      createTestUser(),
      createTestUser({ role: "admin" }),
      createTestUser({ role: "support" }),
      createTestUser(),
      createTestUser(),
    ]);
    const [registered] = await db
      .insert(providers)
      .values({
        id: unique("reg"),
        name: "Registered",
        source: "registration",
        ownerUserId: owner.user.id,
        domain: "im.example.org",
        https: true,
      })
      .returning();
    const [argo] = await db
      .insert(providers)
      .values({ id: unique("argo"), name: "Argo", source: "argo", creatorId: owner.user.id })
      .returning();
    await db.insert(providerAccessGrants).values({
      projectId: unique("proj"),
      providerId: registered.id,
      subject: viewer.user.id,
      role: "viewer",
      source: "portal",
    });

    expect(await providerTabsFor(db, owner.actor, registered)).toEqual([
      "profile",
      "registration",
      "offerings",
      "usage",
    ]);
    expect(await providerTabsFor(db, admin.actor, registered)).toEqual([
      "profile",
      "registration",
      "offerings",
      "usage",
    ]);
    expect(await providerTabsFor(db, support.actor, registered)).toEqual([
      "profile",
      "registration",
      "offerings",
      "usage",
    ]);
    expect(await providerTabsFor(db, other.actor, registered)).toEqual(["profile", "offerings"]);
    expect(await providerTabsFor(db, viewer.actor, registered)).toEqual(["profile", "offerings", "usage"]);
    expect(await providerTabsFor(db, admin.actor, argo)).toEqual(["profile", "offerings", "usage"]);
    expect(await providerTabsFor(db, owner.actor, argo)).toEqual(["profile", "offerings", "usage"]);
  });

  it("reads ?tab= and falls back to the profile", () => {
    expect(providerTabParam.parse("registration")).toBe("registration");
    expect(providerTabParam.parse("secrets")).toBe("profile");
    expect(providerTabParam.parse(undefined)).toBe("profile");
  });
});
