import { organisationMembers, organisations, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { seedAccountingDemo } from "@/lib/accounting/demo-seed";
import { runSeedSteps, type SeedStep } from "@/lib/demo/seed-steps";
import { registryDemoStep } from "@/lib/providers/demo-seed";
import { seedMoreOfferingsDemo, seedOfferingsDemo } from "@/lib/offerings/demo-seed";
import { seedTenancyDemo } from "@/lib/tenancy/demo-seed";
import { registrationDemoStep } from "@/lib/registration/demo-seed";
import { hashPassword } from "@/lib/users/passwords";

// The demo: people and organisations first; each later area adds its own step (run once each).
const foundation: SeedStep = {
  key: "foundation",
  run: async (tx) => {
    const ids: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      const [u] = await tx
        .insert(users)
        .values({
          email: a.email,
          username: a.username,
          name: a.name,
          role: a.role,
          passwordHash: await hashPassword(a.password),
        })
        .onConflictDoNothing()
        .returning();
      if (u) ids[a.username] = u.id;
    }
    const [nordic, alpine] = await tx
      .insert(organisations)
      .values([
        {
          name: "Nordic Compute Centre",
          slug: "nordic-compute",
          abbreviation: "NCC",
          email: "contact@ncc.example.org",
          country: "DK",
        },
        {
          name: "Alpine Research Cloud",
          slug: "alpine-cloud",
          abbreviation: "ARC",
          email: "hello@arc.example.org",
          country: "CH",
        },
      ])
      .onConflictDoNothing()
      .returning();
    const members = [
      nordic && ids.provider && { organisationId: nordic.id, userId: ids.provider, role: "owner" as const },
      alpine && ids.member && { organisationId: alpine.id, userId: ids.member, role: "member" as const },
    ].filter((m) => !!m);
    if (members.length) await tx.insert(organisationMembers).values(members).onConflictDoNothing();
  },
};

const accounting: SeedStep = { key: "accounting", run: seedAccountingDemo };

const offeringsCatalogue: SeedStep = { key: "offerings", run: seedOfferingsDemo };
const offeringsInEveryState: SeedStep = { key: "offerings-every-state", run: seedMoreOfferingsDemo };

// Tenancy last: its demo links a Portico provider instance to a provider the steps above created.
const tenancy: SeedStep = { key: "tenancy", run: seedTenancyDemo };

export const demoSeedSteps: SeedStep[] = [
  foundation,
  registryDemoStep,
  offeringsCatalogue,
  accounting,
  offeringsInEveryState,
  registrationDemoStep,
  tenancy,
];

export async function seedDemo(db: Db): Promise<string[]> {
  return runSeedSteps(db, demoSeedSteps);
}
