import { eq, inArray } from "drizzle-orm";
import {
  organisations,
  providerAccessGrants,
  providerEntitlementAssignments,
  providerEntitlements,
  providers,
  users,
} from "@/drizzle/schema";
import type { Tx } from "@/lib/db/client";
import type { SeedStep } from "@/lib/demo/seed-steps";
import { fetchCatalogue } from "./catalogue-source";
import { importCatalogueDocument } from "./import-catalogue";
import { config } from "@/lib/config";

const NS = "urn:geant:sandbox.eosc-beyond.eu:core:integration";

/** Demo registry: the sample catalogue, two providers registered by people, and a few grants to look at. */
export const registryDemoStep: SeedStep = {
  key: "registry",
  run: async (tx: Tx) => {
    const ctx = { actor: null, correlationId: "demo-seed" };
    const doc = await fetchCatalogue(config.catalogueUrl).catch(() => null);
    if (doc) await importCatalogueDocument(tx, ctx, doc, config.catalogueUrl);
    const people = Object.fromEntries(
      (
        await tx
          .select()
          .from(users)
          .where(inArray(users.username, ["provider", "member", "admin"]))
      ).map((u) => [u.username, u]),
    );
    const [nordic] = await tx.select().from(organisations).where(eq(organisations.slug, "nordic-compute"));
    if (!people.provider) return;
    await tx
      .insert(providers)
      .values([
        {
          id: "nordic-hpc",
          name: "Nordic Compute Centre Visualisation",
          website: "https://vis.ncc.example.org/",
          abbreviation: "NCC-VIS",
          logo: "",
          source: "portal",
          creatorId: people.provider.id,
          ownerUserId: people.provider.id,
          organisationId: nordic?.id ?? null,
        },
        {
          id: "nordic-storage",
          name: "Nordic Compute Centre Storage",
          website: "https://storage.ncc.example.org/",
          abbreviation: "NCC-S",
          logo: "",
          source: "argo",
          creatorId: people.provider.id,
          ownerUserId: people.provider.id,
          organisationId: nordic?.id ?? null,
        },
      ])
      .onConflictDoNothing();
    if (!people.member || !people.admin) return;
    await tx
      .insert(providerAccessGrants)
      .values({
        projectId: "704029",
        providerId: "nordic-hpc",
        subject: people.member.id,
        role: "viewer",
        source: "acl",
        createdBy: people.provider.id,
      })
      .onConflictDoNothing();
    const [ent] = await tx
      .insert(providerEntitlements)
      .values({
        name: `${NS}:group:accounting:704029:nordic-storage:role=collector`,
        namespace: NS,
        projectId: "704029",
        providerId: "nordic-storage",
        role: "collector",
        createdBy: people.admin.id,
      })
      .onConflictDoNothing()
      .returning();
    if (ent) {
      await tx
        .insert(providerEntitlementAssignments)
        .values({ entitlementId: ent.id, subject: people.member.id, assignedBy: people.admin.id })
        .onConflictDoNothing();
      await tx
        .insert(providerAccessGrants)
        .values({
          projectId: "704029",
          providerId: "nordic-storage",
          subject: people.member.id,
          role: "collector",
          source: "entitlement",
          createdBy: people.admin.id,
        })
        .onConflictDoNothing();
    }
  },
};
