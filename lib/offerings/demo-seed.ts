import { and, eq, inArray, isNull } from "drizzle-orm";
import {
  marketplaceCategories,
  offerings,
  organisations,
  providers,
  users,
  waldurUserProfiles,
  offeringUserRoles,
} from "@/drizzle/schema";
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
      pluginOptions: {
        homedir_prefix: "/home/",
        initial_uidnumber: 5000,
        username_generation_policy: "waldur_username",
        supports_pausing: true,
      },
      createdBy: provider?.id ?? null,
    })
    .returning();
  await writeComponents(tx, cluster.id, [
    componentInput.parse({ type: "cpu_hours", name: "CPU hours", measured_unit: "core-hours", billing_type: "usage" }),
    componentInput.parse({ type: "gpu_hours", name: "GPU hours", measured_unit: "GPU-hours", billing_type: "usage" }),
    componentInput.parse({
      type: "storage",
      name: "Project storage",
      measured_unit: "TB",
      billing_type: "fixed",
      limit_period: "month",
    }),
  ]);
  await writePlans(tx, cluster.id, [
    planInput.parse({
      name: "Small",
      description: "For a small group",
      prices: { cpu_hours: 0.02, gpu_hours: 0.9, storage: 15 },
      quotas: { storage: 1 },
    }),
    planInput.parse({
      name: "Large",
      description: "For a department",
      prices: { cpu_hours: 0.015, gpu_hours: 0.75, storage: 12 },
      quotas: { storage: 10 },
    }),
  ]);
  await fillPlanComponents(tx, cluster.id);
  const [archive] = await tx
    .insert(offerings)
    .values({
      slug: "nordic-o-1",
      name: "Nordic Object Storage",
      description: "S3-compatible object storage (coming soon).",
      organisationId: nordic.id,
      categoryId: storage.id,
      type: "Marketplace.Basic",
      createdBy: provider?.id ?? null,
    })
    .returning();
  await writeComponents(tx, archive.id, [
    componentInput.parse({ type: "storage", name: "Storage", measured_unit: "TB", billing_type: "fixed" }),
  ]);
  await writePlans(tx, archive.id, [
    planInput.parse({ name: "Standard", prices: { storage: 8 }, quotas: { storage: 1 } }),
  ]);
  const [agent] = await tx
    .insert(users)
    .values({ email: "site-agent@ncc.example.org", username: "ncc_site_agent", name: "Site Agent", kind: "service" })
    .onConflictDoNothing()
    .returning();
  if (agent) {
    await tx
      .insert(waldurUserProfiles)
      .values({ userId: agent.id, slug: "ncc_site-1", firstName: "Site", lastName: "Agent", tokenLifetime: 3600 });
    await tx
      .insert(offeringUserRoles)
      .values({ offeringId: cluster.id, userId: agent.id, role: "OFFERING.MANAGER", createdBy: provider?.id ?? null });
  }
}

type DemoOffering = {
  slug: string;
  name: string;
  description: string;
  organisation: string;
  category: string;
  state: "Active" | "Paused" | "Archived";
  pausedReason?: string;
  country: string;
  components: Parameters<typeof componentInput.parse>[0][];
  plans: Parameters<typeof planInput.parse>[0][];
};

const MORE_OFFERINGS: DemoOffering[] = [
  {
    slug: "alpine-c-1",
    name: "Alpine Cloud VMs",
    description: "Self-service virtual machines with volumes and floating IPs, billed by the hour.",
    organisation: "alpine-cloud",
    category: "Cloud",
    state: "Active",
    country: "CH",
    components: [
      { type: "vcpu_hours", name: "vCPU hours", measured_unit: "vCPU-hours", billing_type: "usage" },
      { type: "ram_hours", name: "RAM", measured_unit: "GB-hours", billing_type: "usage" },
      { type: "volumes", name: "Volume storage", measured_unit: "TB", billing_type: "fixed", limit_period: "month" },
    ],
    plans: [
      {
        name: "Starter",
        description: "A few VMs for one researcher",
        prices: { vcpu_hours: 0.012, ram_hours: 0.003, volumes: 20 },
        quotas: { volumes: 1 },
      },
      {
        name: "Research group",
        description: "Shared tenant for a lab",
        prices: { vcpu_hours: 0.01, ram_hours: 0.0025, volumes: 16 },
        quotas: { volumes: 5 },
      },
    ],
  },
  {
    slug: "alpine-o-1",
    name: "Alpine Object Storage",
    description: "S3-compatible object storage replicated across two sites in Switzerland.",
    organisation: "alpine-cloud",
    category: "Storage",
    state: "Active",
    country: "CH",
    components: [
      { type: "storage", name: "Object storage", measured_unit: "TB", billing_type: "fixed", limit_period: "month" },
    ],
    plans: [
      { name: "Standard", description: "Two-site replication", prices: { storage: 9.5 }, quotas: { storage: 2 } },
    ],
  },
  {
    slug: "alpine-g-1",
    name: "Alpine GPU Notebooks",
    description: "Jupyter notebooks on shared A100 GPUs.",
    organisation: "alpine-cloud",
    category: "Cloud",
    state: "Paused",
    pausedReason: "The GPU nodes are being replaced; new orders open again in January.",
    country: "CH",
    components: [{ type: "gpu_hours", name: "GPU hours", measured_unit: "GPU-hours", billing_type: "usage" }],
    plans: [{ name: "Per hour", prices: { gpu_hours: 1.1 } }],
  },
  {
    slug: "nordic-t-1",
    name: "Nordic Tape Archive",
    description: "Long-term tape archive, replaced by Nordic Object Storage.",
    organisation: "nordic-compute",
    category: "Storage",
    state: "Archived",
    country: "DK",
    components: [
      { type: "archive", name: "Archive", measured_unit: "TB", billing_type: "fixed", limit_period: "month" },
    ],
    plans: [{ name: "Standard", prices: { archive: 3 } }],
  },
];

/** Which registry provider sells which demo offering (the provider page's Offerings tab). */
const OFFERING_PROVIDERS: Record<string, string> = {
  "nordic-h-1": "ncc-hpc",
  "nordic-o-1": "nordic-storage",
  "nordic-t-1": "nordic-storage",
};

/**
 * More of the catalogue: offerings of both demo organisations, Active, Paused and Archived, so every state
 * shows; then the Nordic offerings are linked to the registry providers that sell them. Runs after the
 * registry and accounting steps, which create those providers.
 */
export async function seedMoreOfferingsDemo(tx: Tx): Promise<void> {
  const orgs = await tx
    .select()
    .from(organisations)
    .where(inArray(organisations.slug, ["alpine-cloud", "nordic-compute"]));
  const cats = await tx.select().from(marketplaceCategories);
  for (const o of MORE_OFFERINGS) {
    const org = orgs.find((x) => x.slug === o.organisation);
    const category = cats.find((c) => c.title === o.category);
    if (!org || !category) continue;
    const [row] = await tx
      .insert(offerings)
      .values({
        slug: o.slug,
        name: o.name,
        description: o.description,
        organisationId: org.id,
        categoryId: category.id,
        type: "Marketplace.Basic",
        state: o.state,
        pausedReason: o.pausedReason ?? "",
        country: o.country,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) continue;
    await writeComponents(
      tx,
      row.id,
      o.components.map((c) => componentInput.parse(c)),
    );
    await writePlans(
      tx,
      row.id,
      o.plans.map((p) => planInput.parse(p)),
    );
    await fillPlanComponents(tx, row.id);
  }
  const sellers = await tx
    .select({ pk: providers.pk, id: providers.id })
    .from(providers)
    .where(inArray(providers.id, Object.values(OFFERING_PROVIDERS)));
  for (const [slug, providerId] of Object.entries(OFFERING_PROVIDERS)) {
    const seller = sellers.find((p) => p.id === providerId);
    if (seller)
      await tx
        .update(offerings)
        .set({ providerPk: seller.pk })
        .where(and(eq(offerings.slug, slug), isNull(offerings.providerPk)));
  }
}
