"use server";
import { revalidatePath } from "next/cache";
import { createCapacity } from "@/lib/accounting/capacities";
import { createInstallation } from "@/lib/accounting/installations";
import { createMetricDefinition } from "@/lib/accounting/metric-definitions";
import { associateProviders, registerProject } from "@/lib/accounting/projects";
import { runAction, type ActionResult } from "@/lib/http/action-result";

type Result = ActionResult<{ message: string }>;
const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
const optional = (form: FormData, key: string) => text(form, key) || null;
const number = (form: FormData, key: string) => (text(form, key) === "" ? undefined : Number(text(form, key)));
const done = async (fn: Parameters<typeof runAction<{ message: string }>>[0]): Promise<Result> => {
  const result = await runAction(fn);
  revalidatePath("/usage/manage");
  return result;
};

export async function createMetricDefinitionAction(_prev: Result, form: FormData): Promise<Result> {
  return done(async (ctx) => {
    const row = await createMetricDefinition(ctx, {
      metric_name: text(form, "metric_name"),
      metric_description: text(form, "metric_description"),
      unit_type: text(form, "unit_type"),
      metric_type: text(form, "metric_type"),
    });
    return { message: `Metric definition ${row.metricName} created (${row.id}).` };
  });
}

export async function registerProjectAction(_prev: Result, form: FormData): Promise<Result> {
  return done(async (ctx) => {
    const row = await registerProject(ctx, {
      id: text(form, "id"),
      acronym: text(form, "acronym"),
      title: text(form, "title"),
      start_date: optional(form, "start_date"),
      end_date: optional(form, "end_date"),
      call_identifier: text(form, "call_identifier"),
    });
    return { message: `Project ${row.id} registered.` };
  });
}

export async function associateProviderAction(_prev: Result, form: FormData): Promise<Result> {
  return done(async (ctx) => {
    const [provider] = await associateProviders(ctx, text(form, "project"), { providers: [text(form, "provider")] });
    return { message: `Provider ${provider} associated with project ${text(form, "project")}.` };
  });
}

export async function createInstallationAction(_prev: Result, form: FormData): Promise<Result> {
  return done(async (ctx) => {
    const row = await createInstallation(ctx, {
      project: text(form, "project"),
      organisation: text(form, "organisation"),
      infrastructure: text(form, "infrastructure"),
      installation: text(form, "installation"),
      resource: optional(form, "resource"),
      external_id: optional(form, "external_id"),
      unit_of_access: text(form, "unit_of_access"),
    });
    return { message: `Installation ${row.installation} created (${row.id}).` };
  });
}

export async function createCapacityAction(_prev: Result, form: FormData): Promise<Result> {
  return done(async (ctx) => {
    const row = await createCapacity(ctx, text(form, "installation"), {
      metric_definition_id: text(form, "metric_definition_id"),
      value: number(form, "value"),
      registered_on: text(form, "registered_on"),
    });
    return { message: `Capacity ${row.value} ${row.metric.unitType} from ${row.registeredOn} registered.` };
  });
}
