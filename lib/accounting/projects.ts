import { and, eq, inArray, sql } from "drizzle-orm";
import {
  accountingProjects,
  installations,
  projectProviders,
  providers,
  type AccountingProjectRow,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole, requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { hasProviderAccess } from "@/lib/providers/access";
import { projectInput, providersInput } from "./schemas";

export async function getProject(db: Executor, id: string): Promise<AccountingProjectRow> {
  const [row] = await db.select().from(accountingProjects).where(eq(accountingProjects.id, id));
  if (!row) throw new AppError("not_found", `There is no Project with the following id: ${id}`);
  return row;
}

/** The EU project database is not reachable from here, so an admin registers projects by hand. */
export async function registerProject(ctx: ServiceContext, input: unknown): Promise<AccountingProjectRow> {
  const actor = requireRole(ctx.actor, "admin");
  const data = parseWith(projectInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accountingProjects)
      .values({
        id: data.id,
        acronym: data.acronym,
        title: data.title,
        startDate: data.start_date ?? null,
        endDate: data.end_date ?? null,
        callIdentifier: data.call_identifier,
        creatorId: actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", `Project with id ${data.id} already exists.`);
    await recordAudit(tx, ctx, {
      action: "project.register",
      entityType: "project",
      entityId: row.id,
      summary: { ...data },
    });
    return row;
  });
}

async function requireManageAll(ctx: ServiceContext, tx: Executor, projectId: string, providerIds: string[]) {
  const actor = requireUser(ctx.actor);
  const found = await tx.select({ id: providers.id }).from(providers).where(inArray(providers.id, providerIds));
  const missing = providerIds.filter((p) => !found.some((f) => f.id === p));
  if (missing.length)
    throw new AppError("not_found", `There is no Provider with the following ids: [${missing.join(", ")}].`);
  for (const p of providerIds)
    if (!(await hasProviderAccess(tx, actor, p, "manage", projectId)))
      throw forbidden(`You may not manage Provider ${p}.`);
}

/** Admins and the providers' owners attach providers to a project (installations need it). */
export async function associateProviders(ctx: ServiceContext, projectId: string, input: unknown): Promise<string[]> {
  const { providers: ids } = parseWith(providersInput, input);
  const unique = [...new Set(ids)];
  return ctx.db.transaction(async (tx) => {
    await getProject(tx, projectId);
    await requireManageAll(ctx, tx, projectId, unique);
    await tx
      .insert(projectProviders)
      .values(unique.map((providerId) => ({ projectId, providerId })))
      .onConflictDoNothing();
    await recordAudit(tx, ctx, {
      action: "project.associate",
      entityType: "project",
      entityId: projectId,
      summary: { providers: unique },
    });
    return unique;
  });
}

export async function dissociateProviders(ctx: ServiceContext, projectId: string, input: unknown): Promise<string[]> {
  const { providers: ids } = parseWith(providersInput, input);
  const unique = [...new Set(ids)];
  return ctx.db.transaction(async (tx) => {
    await getProject(tx, projectId);
    await requireManageAll(ctx, tx, projectId, unique);
    const busy = await tx
      .selectDistinct({ providerId: installations.providerId })
      .from(installations)
      .where(and(eq(installations.projectId, projectId), inArray(installations.providerId, unique)));
    if (busy.length)
      throw new AppError(
        "conflict",
        `Providers [${busy.map((b) => b.providerId).join(", ")}] still have installations in Project ${projectId}; delete those first.`,
      );
    await tx
      .delete(projectProviders)
      .where(and(eq(projectProviders.projectId, projectId), inArray(projectProviders.providerId, unique)));
    await recordAudit(tx, ctx, {
      action: "project.dissociate",
      entityType: "project",
      entityId: projectId,
      summary: { providers: unique },
    });
    return unique;
  });
}

export async function listProjects(
  db: Executor,
  page: number,
  size: number,
): Promise<{ rows: AccountingProjectRow[]; total: number }> {
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(accountingProjects);
  const rows = await db
    .select()
    .from(accountingProjects)
    .orderBy(accountingProjects.id)
    .limit(size)
    .offset((page - 1) * size);
  return { rows, total: Number(total) };
}

export async function projectProviderIds(
  db: Executor,
  projectIds: string[],
): Promise<{ projectId: string; providerId: string }[]> {
  if (!projectIds.length) return [];
  return db
    .select({ projectId: projectProviders.projectId, providerId: projectProviders.providerId })
    .from(projectProviders)
    .where(inArray(projectProviders.projectId, projectIds))
    .orderBy(projectProviders.providerId);
}
