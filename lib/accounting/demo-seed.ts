import { eq } from "drizzle-orm";
import {
  accountingProjects,
  capacities,
  installations,
  metricDefinitions,
  organisations,
  projectProviders,
  providers,
  users,
} from "@/drizzle/schema";
import type { Tx } from "@/lib/db/client";
import { addDays } from "./days";
import { newObjectId } from "./ids";
import { insertUsageChunk } from "./ingest-usage";
import type { UsageRecordInput } from "./schemas";

const SAMPLE_PROJECTS = [
  {
    id: "101017567",
    acronym: "EGI-ACE",
    title: "EGI Advanced Computing for EOSC",
    startDate: "2021-01-01",
    endDate: "2027-06-30",
    callIdentifier: "H2020-INFRAEOSC-2020-2",
  },
  {
    id: "101057264",
    acronym: "EOSC Beyond",
    title: "EOSC Beyond: advancing innovation and collaboration",
    startDate: "2024-04-01",
    endDate: "2027-03-31",
    callIdentifier: "HORIZON-INFRA-2023-EOSC-01",
  },
  {
    id: "447535",
    acronym: "OKEANOS",
    title: "National cloud for research",
    startDate: "2020-01-01",
    endDate: "2030-12-31",
    callIdentifier: "NATIONAL",
  },
];

/** Demo accounting: sample projects, a provider of the Nordic organisation, two metrics, three installations and a year of daily usage. */
export async function seedAccountingDemo(tx: Tx): Promise<void> {
  await tx.insert(accountingProjects).values(SAMPLE_PROJECTS).onConflictDoNothing();
  const [owner] = await tx.select().from(users).where(eq(users.username, "provider"));
  const [org] = await tx.select().from(organisations).where(eq(organisations.slug, "nordic-compute"));
  await tx
    .insert(providers)
    .values({
      id: "ncc-hpc",
      name: "Nordic Compute Centre HPC",
      website: "https://ncc.example.org",
      abbreviation: "NCC-HPC",
      logo: "",
      source: "portal",
      creatorId: owner?.id ?? "",
      ownerUserId: owner?.id ?? null,
      organisationId: org?.id ?? null,
    })
    .onConflictDoNothing();
  await tx
    .insert(projectProviders)
    .values(SAMPLE_PROJECTS.slice(0, 2).map((p) => ({ projectId: p.id, providerId: "ncc-hpc" })))
    .onConflictDoNothing();
  const [cpu, storage] = await tx
    .insert(metricDefinitions)
    .values([
      {
        id: newObjectId(),
        metricName: "cpu_time",
        metricDescription: "CPU core hours used by jobs",
        unitType: "core hours",
        metricType: "aggregated",
        creatorId: owner?.id ?? "",
      },
      {
        id: newObjectId(),
        metricName: "storage",
        metricDescription: "The storage of the facility",
        unitType: "TB hours",
        metricType: "aggregated",
        creatorId: owner?.id ?? "",
      },
    ])
    .returning();
  const insts = await tx
    .insert(installations)
    .values([
      {
        id: newObjectId(),
        projectId: "101017567",
        providerId: "ncc-hpc",
        infrastructure: "ncc-cluster",
        installation: "NCC-HPC-1",
        resource: "hpc",
        externalId: "ncc-hpc-1",
        unitOfAccessPk: cpu.pk,
        creatorId: owner?.id ?? "",
      },
      {
        id: newObjectId(),
        projectId: "101017567",
        providerId: "ncc-hpc",
        infrastructure: "ncc-cloud",
        installation: "NCC-CLOUD",
        resource: "cloud",
        externalId: "ncc-cloud-1",
        unitOfAccessPk: cpu.pk,
        creatorId: owner?.id ?? "",
      },
      {
        id: newObjectId(),
        projectId: "101057264",
        providerId: "ncc-hpc",
        infrastructure: "ncc-cluster",
        installation: "NCC-HPC-2",
        resource: "hpc",
        externalId: "ncc-hpc-2",
        unitOfAccessPk: cpu.pk,
        creatorId: owner?.id ?? "",
      },
    ])
    .returning();
  const today = new Date().toISOString().slice(0, 10);
  const first = addDays(today, -365);
  await tx.insert(capacities).values([
    { id: newObjectId(), installationPk: insts[0].pk, metricPk: cpu.pk, value: 11000, registeredOn: first },
    {
      id: newObjectId(),
      installationPk: insts[0].pk,
      metricPk: cpu.pk,
      value: 15000,
      registeredOn: addDays(today, -120),
    },
    { id: newObjectId(), installationPk: insts[1].pk, metricPk: cpu.pk, value: 9000, registeredOn: first },
    {
      id: newObjectId(),
      installationPk: insts[2].pk,
      metricPk: cpu.pk,
      value: 5000,
      registeredOn: addDays(today, -200),
    },
  ]);
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pks = new Map([
    [cpu.id, cpu.pk],
    [storage.id, storage.pk],
  ]);
  for (const [k, inst] of insts.entries()) {
    const records: UsageRecordInput[] = [];
    for (let d = 0; d < 365; d++) {
      const day = addDays(first, d);
      const growth = 1 + d / 365;
      records.push({
        metric_definition_id: cpu.id,
        time_period_start: `${day}T00:00:00Z`,
        time_period_end: `${addDays(day, 1)}T00:00:00Z`,
        value: Math.round((180 + 120 * rand()) * growth * (k === 2 ? 0.4 : 1) * 10) / 10,
      });
      records.push({
        metric_definition_id: storage.id,
        time_period_start: `${day}T00:00:00Z`,
        time_period_end: `${addDays(day, 1)}T00:00:00Z`,
        value: Math.round((40 + 5 * rand()) * 24 * 10) / 10,
      });
    }
    await insertUsageChunk(tx, inst, pks, records);
  }
}
