import { and, eq, ne } from "drizzle-orm";
import {
  providerAccessGrants,
  providerEntitlementAssignments,
  providerEntitlements,
  type ProviderEntitlementRow,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/pg-errors";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { resolveSubject } from "./access-subjects";
import { createEntitlementInput, parseEntitlementName, type EntitlementParts } from "./entitlement-name";
import { getProvider } from "./queries";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const conflict = (name: string) =>
  new AppError("conflict", `There is already an Entitlement with the following name: ${name}`, {
    name: ["This entitlement exists."],
  });

/** An entitlement by its id or by its full name. */
export async function getEntitlement(db: Executor, idOrName: string): Promise<ProviderEntitlementRow> {
  const [row] = await db
    .select()
    .from(providerEntitlements)
    .where(UUID_RE.test(idOrName) ? eq(providerEntitlements.id, idOrName) : eq(providerEntitlements.name, idOrName));
  if (!row) throw new AppError("not_found", `There is no Entitlement with the following id: ${idOrName}`);
  return row;
}

/** Admin creates an entitlement; its provider must exist, its project need not (yet). */
export async function createEntitlement(ctx: ServiceContext, input: { name: string }): Promise<ProviderEntitlementRow> {
  requireRole(ctx.actor, "admin");
  const { name } = parseWith(createEntitlementInput, input);
  const parts = parseEntitlementName(name) as EntitlementParts;
  try {
    return await ctx.db.transaction(async (tx) => {
      await getProvider(tx, parts.providerId);
      if (
        (
          await tx
            .select({ id: providerEntitlements.id })
            .from(providerEntitlements)
            .where(eq(providerEntitlements.name, name))
        ).length
      )
        throw conflict(name);
      const [row] = await tx
        .insert(providerEntitlements)
        .values({ name, ...parts, createdBy: ctx.actor!.id })
        .returning();
      await recordAudit(tx, ctx, {
        action: "entitlement.create",
        entityType: "entitlement",
        entityId: row.id,
        summary: { name, ...parts },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(name);
    throw e;
  }
}

/** Removes the grant an entitlement gave, unless another assigned entitlement gives the same one. */
async function dropEntitlementGrant(tx: Executor, ent: ProviderEntitlementRow, subject: string): Promise<void> {
  const others = await tx
    .select({ id: providerEntitlements.id })
    .from(providerEntitlementAssignments)
    .innerJoin(providerEntitlements, eq(providerEntitlements.id, providerEntitlementAssignments.entitlementId))
    .where(
      and(
        eq(providerEntitlementAssignments.subject, subject),
        ne(providerEntitlements.id, ent.id),
        eq(providerEntitlements.projectId, ent.projectId),
        eq(providerEntitlements.providerId, ent.providerId),
        eq(providerEntitlements.role, ent.role),
      ),
    );
  if (others.length) return;
  await tx
    .delete(providerAccessGrants)
    .where(
      and(
        eq(providerAccessGrants.projectId, ent.projectId),
        eq(providerAccessGrants.providerId, ent.providerId),
        eq(providerAccessGrants.subject, subject),
        eq(providerAccessGrants.role, ent.role),
        eq(providerAccessGrants.source, "entitlement"),
      ),
    );
}

/** Admin assigns an entitlement to a registered actor: the role becomes a grant on (project, provider). Repeats are harmless. */
export async function assignEntitlement(ctx: ServiceContext, idOrName: string, actorId: string): Promise<void> {
  const admin = requireRole(ctx.actor, "admin");
  await ctx.db.transaction(async (tx) => {
    const ent = await getEntitlement(tx, idOrName);
    const subject = await resolveSubject(tx, actorId);
    const added = await tx
      .insert(providerEntitlementAssignments)
      .values({ entitlementId: ent.id, subject: subject.id, assignedBy: admin.id })
      .onConflictDoNothing()
      .returning();
    await tx
      .insert(providerAccessGrants)
      .values({
        projectId: ent.projectId,
        providerId: ent.providerId,
        subject: subject.id,
        role: ent.role,
        source: "entitlement",
        createdBy: admin.id,
      })
      .onConflictDoNothing();
    if (added.length) {
      await recordAudit(tx, ctx, {
        action: "entitlement.assign",
        entityType: "entitlement",
        entityId: ent.id,
        summary: { name: ent.name, subject: subject.username, role: ent.role },
      });
    }
  });
}

/** Admin takes an entitlement back from an actor; its grant goes with it. */
export async function unassignEntitlement(ctx: ServiceContext, idOrName: string, actorId: string): Promise<void> {
  requireRole(ctx.actor, "admin");
  await ctx.db.transaction(async (tx) => {
    const ent = await getEntitlement(tx, idOrName);
    const subject = await resolveSubject(tx, actorId);
    const removed = await tx
      .delete(providerEntitlementAssignments)
      .where(
        and(
          eq(providerEntitlementAssignments.entitlementId, ent.id),
          eq(providerEntitlementAssignments.subject, subject.id),
        ),
      )
      .returning();
    if (!removed.length) throw new AppError("not_found", `The Entitlement ${ent.name} is not assigned to ${actorId}.`);
    await dropEntitlementGrant(tx, ent, subject.id);
    await recordAudit(tx, ctx, {
      action: "entitlement.unassign",
      entityType: "entitlement",
      entityId: ent.id,
      summary: { name: ent.name, subject: subject.username },
    });
  });
}

/** Admin deletes an entitlement: every assignment and the grants they gave go too. */
export async function deleteEntitlement(ctx: ServiceContext, idOrName: string): Promise<void> {
  requireRole(ctx.actor, "admin");
  await ctx.db.transaction(async (tx) => {
    const ent = await getEntitlement(tx, idOrName);
    const assigned = await tx
      .select()
      .from(providerEntitlementAssignments)
      .where(eq(providerEntitlementAssignments.entitlementId, ent.id));
    await tx.delete(providerEntitlementAssignments).where(eq(providerEntitlementAssignments.entitlementId, ent.id));
    for (const a of assigned) await dropEntitlementGrant(tx, ent, a.subject);
    await tx.delete(providerEntitlements).where(eq(providerEntitlements.id, ent.id));
    await recordAudit(tx, ctx, {
      action: "entitlement.delete",
      entityType: "entitlement",
      entityId: ent.id,
      summary: { name: ent.name, assignments: assigned.length },
    });
  });
}
