import { eq } from "drizzle-orm";
import { installations } from "@/drizzle/schema";
import type { ServiceContext } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors/app-error";
import { getProvider, readableProjects, requireProviderAccess } from "./access";
import { getProject } from "./projects";
import { buildProviderReport, sumAggregated, type ProviderReport } from "./report";
import type { ReportRange } from "./schemas";

/** GET …/projects/{project}/providers/{provider}/report: admin, support, owners, or a reading grant on that pair. */
export async function projectProviderReport(
  ctx: ServiceContext,
  projectId: string,
  providerId: string,
  range: ReportRange,
): Promise<ProviderReport> {
  await requireProviderAccess(ctx.db, ctx.actor, providerId, "read_reports", projectId);
  await getProject(ctx.db, projectId);
  const provider = await getProvider(ctx.db, providerId);
  return buildProviderReport(ctx.db, provider, range, { projectIds: [projectId] });
}

/** The global report: all the provider's projects the caller may read (all of them for owners). */
export async function globalProviderReport(
  ctx: ServiceContext,
  providerId: string,
  range: ReportRange,
): Promise<{ reports: ProviderReport[]; aggregated: ProviderReport["aggregated"] }> {
  const provider = await getProvider(ctx.db, providerId);
  const projectIds = await readableProjects(ctx.db, ctx.actor, provider);
  const report = await buildProviderReport(ctx.db, provider, range, { projectIds });
  return { reports: [report], aggregated: sumAggregated([report]) };
}

/** The external-id form: the installation with that external_id, reported for its provider. */
export async function externalIdReport(
  ctx: ServiceContext,
  externalId: string,
  range: ReportRange,
): Promise<{ reports: ProviderReport[]; aggregated: ProviderReport["aggregated"] }> {
  const [inst] = await ctx.db.select().from(installations).where(eq(installations.externalId, externalId));
  if (!inst) throw notFound(`Installation with external id ${externalId}`);
  await requireProviderAccess(ctx.db, ctx.actor, inst.providerId, "read_reports", inst.projectId);
  const provider = await getProvider(ctx.db, inst.providerId);
  const report = await buildProviderReport(ctx.db, provider, range, { installationPks: [inst.pk] });
  return { reports: [report], aggregated: sumAggregated([report]) };
}
