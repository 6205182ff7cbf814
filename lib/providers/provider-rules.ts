import { and, eq, ne, sql } from "drizzle-orm";
import { projectProviders, providers } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * ARGO refuses a second provider with a name already taken (409, its text). Names are compared as
 * stored (ARGO's exact match); a transaction-scoped advisory lock on the name keeps two concurrent
 * creations from both passing the check.
 */
export async function assertProviderNameFree(tx: Executor, name: string, exceptPk?: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"provider-name:" + name}))`);
  const [taken] = await tx
    .select({ pk: providers.pk })
    .from(providers)
    .where(exceptPk ? and(eq(providers.name, name), ne(providers.pk, exceptPk)) : eq(providers.name, name))
    .limit(1);
  if (taken)
    throw new AppError("conflict", `There is a Provider with name: ${name}`, {
      name: ["A Provider with this name exists."],
    });
}

/** Whether any project is associated with the provider (its reports and installations hang off that). */
export async function belongsToAnyProject(tx: Executor, providerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(projectProviders)
    .where(eq(projectProviders.providerId, providerId))
    .limit(1);
  return Boolean(row);
}

/** ARGO: a provider that belongs to a project is neither deleted nor (through ARGO's PATCH) updated. */
export async function refuseIfInProject(tx: Executor, providerId: string, verb: "update" | "delete"): Promise<void> {
  if (await belongsToAnyProject(tx, providerId))
    throw new AppError("forbidden", `You cannot ${verb} a Provider which belongs to a Project.`);
}
