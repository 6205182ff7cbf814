import { z } from "zod";
import {
  capacityInput,
  GROUPINGS,
  installationInput,
  installationPatch,
  isoDay,
  metricDefinitionInput,
  metricDefinitionPatch,
  projectInput,
  providersInput,
  reportQuery,
  usageRecordInput,
  usageRecordPatch,
} from "@/lib/accounting/schemas";
import { getInstallation, getMetricDefinition } from "@/lib/accounting/access";
import { defineOperation } from "@/lib/http/operation";
import { argoDialect } from "../errors";
import { argoPageOutput, argoPageQuery } from "../paging";

const dialect = argoDialect;
const tags = ["ARGO accounting"];
const reportTags = ["ARGO reports"];
const message = z.object({ code: z.number(), message: z.string() });
const id = z.string().min(1).max(200);
const idParams = z.object({ id });
const projectParams = z.object({ project_id: id });
const pairParams = z.object({ project_id: id, provider_id: id });
const providerParams = z.object({ provider_id: id });

const metricDefinition = z.object({
  metric_definition_id: z.string(),
  metric_name: z.string(),
  metric_description: z.string(),
  unit_type: z.string(),
  metric_type: z.string(),
  creator_id: z.string(),
});
const installation = z.object({
  id: z.string(),
  project: z.string(),
  organisation: z.string(),
  infrastructure: z.string(),
  installation: z.string(),
  resource: z.string().nullable(),
  external_id: z.string().nullable(),
  unit_of_access: metricDefinition,
  creator_id: z.string(),
});
const project = z.object({
  id: z.string(),
  acronym: z.string(),
  title: z.string(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  call_identifier: z.string(),
  providers: z.array(z.object({ id: z.string(), name: z.string(), installations: z.array(installation) })),
});
const metric = z.object({
  metric_id: z.string(),
  installation_id: z.string(),
  metric_definition_id: z.string(),
  time_period_start: z.string(),
  time_period_end: z.string(),
  value: z.number(),
  user_id: z.string().nullable(),
  group_id: z.string().nullable(),
  record_id: z.string().nullable(),
});
const capacity = z.object({
  id: z.string(),
  metric_definition_id: z.string(),
  value: z.number(),
  registered_on: z.string(),
});
const metricFields = {
  metric_definition_id: z.string(),
  metric_name: z.string(),
  metric_description: z.string(),
  unit_type: z.string(),
  metric_type: z.string(),
};
const aggregatedMetric = z.object({ ...metricFields, total_value: z.number() });
const reportInstallation = {
  installation_id: z.string(),
  project: z.string(),
  provider: z.string(),
  installation: z.string(),
  infrastructure: z.string(),
  resource: z.string().nullable(),
  external_id: z.string().nullable(),
};
const period = z.object({
  from: z.string(),
  to: z.string(),
  total_value: z.number(),
  capacity_value: z.number().nullable(),
  usage_percentage: z.number().nullable(),
});
const providerReport = z.object({
  provider_id: z.string(),
  name: z.string(),
  website: z.string(),
  abbreviation: z.string(),
  logo: z.string(),
  aggregated_metrics: z.array(aggregatedMetric),
  data: z.array(
    z.object({ ...reportInstallation, data: z.array(z.object({ ...metricFields, periods: z.array(period) })) }),
  ),
});
const globalReport = z.object({
  reports: z.array(providerReport.extend({ external_id: z.string().nullable() })),
  aggregated_metrics: z.array(aggregatedMetric),
});
const ingestResult = z.object({
  code: z.number(),
  message: z.string(),
  received: z.number(),
  inserted: z.number(),
  duplicates: z.number(),
});

const instParams = z.object({ id });
const metricParams = z.object({ id, metricId: id });

export const listMetricDefinitionsOp = defineOperation({
  method: "GET",
  path: "/accounting-system/metric-definitions",
  dialect,
  summary: "List metric definitions (paged)",
  tags,
  auth: "required",
  query: argoPageQuery,
  response: argoPageOutput(metricDefinition),
});
export const createMetricDefinitionOp = defineOperation({
  method: "POST",
  path: "/accounting-system/metric-definitions",
  dialect,
  summary: "Create a metric definition",
  tags,
  auth: "required",
  body: metricDefinitionInput,
  response: metricDefinition,
  successStatus: 201,
});
export const getMetricDefinitionOp = defineOperation({
  method: "GET",
  path: "/accounting-system/metric-definitions/{id}",
  dialect,
  summary: "Read a metric definition",
  tags,
  auth: "required",
  params: idParams,
  response: metricDefinition,
});
export const updateMetricDefinitionOp = defineOperation({
  method: "PATCH",
  path: "/accounting-system/metric-definitions/{id}",
  dialect,
  summary: "Update a metric definition (refused while metrics use it)",
  tags,
  auth: "required",
  params: idParams,
  lookup: (db, p) => getMetricDefinition(db, p.id),
  body: metricDefinitionPatch,
  response: metricDefinition,
});
export const deleteMetricDefinitionOp = defineOperation({
  method: "DELETE",
  path: "/accounting-system/metric-definitions/{id}",
  dialect,
  summary: "Delete a metric definition (refused while metrics use it)",
  tags,
  auth: "required",
  params: idParams,
  response: message,
});

export const listProjectsOp = defineOperation({
  method: "GET",
  path: "/accounting-system/projects",
  dialect,
  summary: "List projects with their providers and installations (paged)",
  tags,
  auth: "required",
  query: argoPageQuery,
  response: argoPageOutput(project),
});
export const registerProjectOp = defineOperation({
  method: "POST",
  path: "/accounting-system/projects",
  dialect,
  summary: "Register a project (admin)",
  tags,
  auth: "required",
  body: projectInput,
  response: project,
  successStatus: 201,
});
export const getProjectOp = defineOperation({
  method: "GET",
  path: "/accounting-system/projects/{project_id}",
  dialect,
  summary: "A project with its providers and installations",
  tags,
  auth: "required",
  params: projectParams,
  response: project,
});
export const associateProvidersOp = defineOperation({
  method: "POST",
  path: "/accounting-system/projects/{project_id}/associate",
  dialect,
  summary: "Associate providers with a project",
  tags,
  auth: "required",
  params: projectParams,
  body: providersInput,
  response: message,
});
export const dissociateProvidersOp = defineOperation({
  method: "POST",
  path: "/accounting-system/projects/{project_id}/dissociate",
  dialect,
  summary: "Dissociate providers from a project (refused while installations exist)",
  tags,
  auth: "required",
  params: projectParams,
  body: providersInput,
  response: message,
});
export const listProjectInstallationsOp = defineOperation({
  method: "GET",
  path: "/accounting-system/projects/{project_id}/installations",
  dialect,
  summary: "A project's installations (paged)",
  tags,
  auth: "required",
  params: projectParams,
  query: argoPageQuery,
  response: argoPageOutput(installation),
});
export const listProjectProviderInstallationsOp = defineOperation({
  method: "GET",
  path: "/accounting-system/projects/{project_id}/providers/{provider_id}/installations",
  dialect,
  summary: "A provider's installations in a project (paged)",
  tags,
  auth: "required",
  params: pairParams,
  query: argoPageQuery,
  response: argoPageOutput(installation),
});

export const createInstallationOp = defineOperation({
  method: "POST",
  path: "/accounting-system/installations",
  dialect,
  summary: "Create an installation (the project must be associated with the provider)",
  tags,
  auth: "required",
  body: installationInput,
  response: installation,
  successStatus: 201,
});
export const getInstallationOp = defineOperation({
  method: "GET",
  path: "/accounting-system/installations/{id}",
  dialect,
  summary: "Read an installation",
  tags,
  auth: "required",
  params: instParams,
  response: installation,
});
export const updateInstallationOp = defineOperation({
  method: "PATCH",
  path: "/accounting-system/installations/{id}",
  dialect,
  summary: "Update an installation",
  tags,
  auth: "required",
  params: instParams,
  lookup: (db, p) => getInstallation(db, p.id),
  body: installationPatch,
  response: installation,
});
export const deleteInstallationOp = defineOperation({
  method: "DELETE",
  path: "/accounting-system/installations/{id}",
  dialect,
  summary: "Delete an installation with its capacities (refused while usage is recorded for it)",
  tags,
  auth: "required",
  params: instParams,
  response: message,
});

export const listMetricsOp = defineOperation({
  method: "GET",
  path: "/accounting-system/installations/{id}/metrics",
  dialect,
  summary: "An installation's usage records (paged, newest first)",
  tags,
  auth: "required",
  params: instParams,
  query: argoPageQuery,
  response: argoPageOutput(metric),
});
export const postMetricOp = defineOperation({
  method: "POST",
  path: "/accounting-system/installations/{id}/metrics",
  dialect,
  summary: "Post one usage record (201; a repeat answers the stored record with 200)",
  tags,
  auth: "required",
  params: instParams,
  body: usageRecordInput,
  response: metric,
  successStatus: 201,
});
export const bulkMetricsOp = defineOperation({
  method: "POST",
  path: "/accounting-system/installations/{id}/metrics/bulk",
  dialect,
  summary: "Post many usage records: a JSON array, NDJSON or CSV; all or nothing, duplicates counted not stored",
  tags,
  auth: "required",
  params: instParams,
  bodyFormat: "raw",
  maxBodyBytes: 64 * 1024 * 1024,
  response: ingestResult,
});
export const getMetricOp = defineOperation({
  method: "GET",
  path: "/accounting-system/installations/{id}/metrics/{metricId}",
  dialect,
  summary: "Read one usage record",
  tags,
  auth: "required",
  params: metricParams,
  response: metric,
});
export const updateMetricOp = defineOperation({
  method: "PATCH",
  path: "/accounting-system/installations/{id}/metrics/{metricId}",
  dialect,
  summary: "Correct one usage record (the reports follow at once)",
  tags,
  auth: "required",
  params: metricParams,
  body: usageRecordPatch,
  response: metric,
});
export const deleteMetricOp = defineOperation({
  method: "DELETE",
  path: "/accounting-system/installations/{id}/metrics/{metricId}",
  dialect,
  summary: "Delete one usage record",
  tags,
  auth: "required",
  params: metricParams,
  response: message,
});

export const listCapacitiesOp = defineOperation({
  method: "GET",
  path: "/accounting-system/installations/{id}/capacities",
  dialect,
  summary: "An installation's capacities",
  tags,
  auth: "required",
  params: instParams,
  response: z.array(capacity),
});
export const createCapacityOp = defineOperation({
  method: "POST",
  path: "/accounting-system/installations/{id}/capacities",
  dialect,
  summary: "Register a capacity, valid from registered_on until the next one",
  tags,
  auth: "required",
  params: instParams,
  body: capacityInput,
  response: capacity,
  successStatus: 201,
});
export const deleteCapacityOp = defineOperation({
  method: "DELETE",
  path: "/accounting-system/installations/{id}/capacities/{capacityId}",
  dialect,
  summary: "Delete a capacity",
  tags,
  auth: "required",
  params: z.object({ id, capacityId: id }),
  response: message,
});

export const projectProviderReportOp = defineOperation({
  method: "GET",
  path: "/accounting-system/projects/{project_id}/providers/{provider_id}/report",
  dialect,
  summary: "A provider's usage report within one project",
  tags: reportTags,
  auth: "required",
  params: pairParams,
  query: reportQuery,
  response: providerReport,
});
export const globalProviderReportOp = defineOperation({
  method: "GET",
  path: "/accounting-system/providers/{provider_id}/report",
  dialect,
  summary: "A provider's usage report across projects",
  tags: reportTags,
  auth: "required",
  params: providerParams,
  query: reportQuery,
  response: globalReport,
});
export const externalReportOp = defineOperation({
  method: "GET",
  path: "/accounting-system/providers/external/report",
  dialect,
  summary: "The report for the installation with this external id",
  tags: reportTags,
  auth: "required",
  query: z
    .object({ externalId: z.string().trim().min(1, "Required.").max(200), start: isoDay, end: isoDay })
    .refine((q) => q.start <= q.end, { message: "Must not be before start.", path: ["end"] }),
  response: globalReport,
});
export const usageSeriesOp = defineOperation({
  method: "GET",
  path: "/accounting-system/providers/{provider_id}/usage-series",
  dialect,
  summary:
    "Chart data: usage per installation grouped by day, week, month, quarter or year; at each bucket's end the capacity in force and the usage of its capacity period so far",
  tags: reportTags,
  auth: "required",
  params: providerParams,
  query: z
    .object({
      start: isoDay,
      end: isoDay,
      group: z.enum(GROUPINGS, "One of day, week, month, quarter, year.").default("month"),
      project_id: z.string().max(200).optional(),
      installation_id: z.string().max(200).optional(),
      metric_definition_id: z.string().max(200).optional(),
    })
    .refine((q) => q.start <= q.end, { message: "Must not be before start.", path: ["end"] }),
});

export const argoAccountingOperations = [
  listMetricDefinitionsOp,
  createMetricDefinitionOp,
  getMetricDefinitionOp,
  updateMetricDefinitionOp,
  deleteMetricDefinitionOp,
  listProjectsOp,
  registerProjectOp,
  getProjectOp,
  associateProvidersOp,
  dissociateProvidersOp,
  listProjectInstallationsOp,
  listProjectProviderInstallationsOp,
  createInstallationOp,
  getInstallationOp,
  updateInstallationOp,
  deleteInstallationOp,
  listMetricsOp,
  postMetricOp,
  bulkMetricsOp,
  getMetricOp,
  updateMetricOp,
  deleteMetricOp,
  listCapacitiesOp,
  createCapacityOp,
  deleteCapacityOp,
  projectProviderReportOp,
  globalProviderReportOp,
  externalReportOp,
  usageSeriesOp,
];
