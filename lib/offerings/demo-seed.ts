import { eq } from "drizzle-orm";
import { marketplaceCategories, offerings, organisations, users, waldurUserProfiles, offeringUserRoles } from "@/drizzle/schema";
import type { Tx } from "@/lib/db/client";
import { componentInput, planInput } from "./schemas";
import { fillPlanComponents, writeComponents, writePlans } from "./write-structure";

/** Demo catalogue: three categories, an Active SLURM offering, a Draft storage offering and a site-agent service account. */
export async function seedOfferingsDemo(tx: Tx): Promise<void> {
  const cats = await tx
    .insert(marketplaceCategories)
    .values([
      { title: "HPC", description: "High-performance computing clusters" },
      { title: "Storage", description: "Block, object and archive storage" },
      { title: "Cloud", description: "Virtual machines and tenants" },
    ])
    .onConflictDoNothing()
    .returning();
  const [nordic] = await tx.select().from(organisations).where(eq(organisations.slug, "nordic-compute"));
  const [provider] = await tx.select().from(users).where(eq(users.username, "provider"));
  const hpc = cats.find((c) => c.title === "HPC");
  const storage = cats.find((c) => c.title === "Storage");
  if (!nordic || !hpc || !storage) return;
  const [cluster] = await tx
    .insert(offerings)
    .values({
      slug: "nordic-h-1",
      name: "Nordic HPC Cluster",
      description: "CPU and GPU nodes with a shared parallel file system.",
      organisationId: nordic.id,
      categoryId: hpc.id,
      type: "Marketplace.Slurm",
      state: "Active",
      country: "DK",
      pluginOptions: { homedir_prefix: "/home/", initial_uidnumber: 5000, username_generation_policy: "waldur_username", supports_pausing: true },
      createdBy: provider?.id ?? null,
    })
    .returning();
  await writeComponents(tx, cluster.id, [
    componentInput.parse({ type: "cpu_hours", name: "CPU hours", measured_unit: "core-hours", billing_type: "usage" }),
    componentInput.parse({ type: "gpu_hours", name: "GPU hours", measured_unit: "GPU-hours", billing_type: "usage" }),
    componentInput.parse({ type: "storage", name: "Project storage", measured_unit: "TB", billing_type: "fixed", limit_period: "month" }),
  ]);
  await writePlans(tx, cluster.id, [
    planInput.parse({ name: "Small", description: "For a small group", prices: { cpu_hours: 0.02, gpu_hours: 0.9, storage: 15 }, quotas: { storage: 1 } }),
    planInput.parse({ name: "Large", description: "For a department", prices: { cpu_hours: 0.015, gpu_hours: 0.75, storage: 12 }, quotas: { storage: 10 } }),
  ]);
  await fillPlanComponents(tx, cluster.id);
  const [archive] = await tx
    .insert(offerings)
    .values({ slug: "nordic-o-1", name: "Nordic Object Storage", description: "S3-compatible object storage (coming soon).", organisationId: nordic.id, categoryId: storage.id, type: "Marketplace.Basic", createdBy: provider?.id ?? null })
    .returning();
  await writeComponents(tx, archive.id, [componentInput.parse({ type: "storage", name: "Storage", measured_unit: "TB", billing_type: "fixed" })]);
  await writePlans(tx, archive.id, [planInput.parse({ name: "Standard", prices: { storage: 8 }, quotas: { storage: 1 } })]);
  const [agent] = await tx.insert(users).values({ email: "site-agent@ncc.example.org", username: "ncc_site_agent", name: "Site Agent", kind: "service" }).onConflictDoNothing().returning();
  if (agent) {
    await tx.insert(waldurUserProfiles).values({ userId: agent.id, slug: "ncc_site-1", firstName: "Site", lastName: "Agent", tokenLifetime: 3600 });
    await tx.insert(offeringUserRoles).values({ offeringId: cluster.id, userId: agent.id, role: "OFFERING.MANAGER", createdBy: provider?.id ?? null });
  }
}
