import { and, eq } from "drizzle-orm";
import { metricDefinitions, providers } from "@/drizzle/schema";
import type { ServiceContext } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { createCapacity } from "../capacities";
import { createInstallation } from "../installations";
import { createMetricDefinition } from "../metric-definitions";
import { associateProviders, registerProject } from "../projects";

export type AccountingFixture = {
  admin: TestUser;
  owner: TestUser;
  providerId: string;
  projectId: string;
  metricId: string;
  installationId: string;
  externalId: string;
};

/** A provider owned by a fresh user, a project associated with it, a metric definition and one installation. */
export async function accountingFixture(opts: { unitType?: string } = {}): Promise<AccountingFixture> {
  const db = await getDb();
  const admin = await createTestUser({ role: "admin" });
  const owner = await createTestUser();
  const providerId = unique("prov");
  await db.insert(providers).values({
    id: providerId,
    name: `Provider ${providerId}`,
    website: "https://example.org",
    abbreviation: providerId.toUpperCase(),
    logo: "https://example.org/logo.png",
    source: "argo",
    creatorId: owner.user.id,
    ownerUserId: owner.user.id,
  });
  const ctx: ServiceContext = { db, actor: admin.actor, correlationId: unique("corr") };
  const projectId = unique("proj");
  await registerProject(ctx, {
    id: projectId,
    acronym: "P",
    title: "Project",
    start_date: "2020-01-01",
    end_date: "2030-12-31",
    call_identifier: "H2020",
  });
  await associateProviders(ctx, projectId, { providers: [providerId] });
  // The seed's metric, defined once per database (ARGO refuses a second "storage" in the same unit).
  const unitType = opts.unitType ?? "TB hours";
  const [defined] = await db
    .select()
    .from(metricDefinitions)
    .where(and(eq(metricDefinitions.metricName, "storage"), eq(metricDefinitions.unitType, unitType)));
  const metric =
    defined ??
    (await createMetricDefinition(ctx, {
      metric_name: "storage",
      metric_description: "The storage of the facility",
      unit_type: unitType,
      metric_type: "aggregated",
    }));
  const externalId = unique("ext");
  const inst = await createInstallation(ctx, {
    project: projectId,
    organisation: providerId,
    infrastructure: "okeanos-knossos",
    installation: "GRNET-KNS",
    resource: "cloud",
    external_id: externalId,
    unit_of_access: metric.id,
  });
  return { admin, owner, providerId, projectId, metricId: metric.id, installationId: inst.id, externalId };
}

export async function addCapacity(
  f: AccountingFixture,
  value: number,
  registeredOn: string,
  installationId = f.installationId,
  metricId = f.metricId,
) {
  const db = await getDb();
  return createCapacity({ db, actor: f.admin.actor, correlationId: unique("corr") }, installationId, {
    metric_definition_id: metricId,
    value,
    registered_on: registeredOn,
  });
}
