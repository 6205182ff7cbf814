import { and, eq, inArray, notInArray } from "drizzle-orm";
import { providerAccessGrants } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { hasProviderAccess } from "./access";
import { resolveSubject } from "./access-subjects";
import { aclInput, type AccessRole } from "./entitlement-name";
import { listProviderGrants } from "./access-queries";
import { getProvider } from "./queries";

type AclTarget = { projectId: string; providerId: string; who: string };

/** Who may change the ACL of (project, provider): admins and whoever manages the provider. */
async function requireAclManager(ctx: ServiceContext, t: AclTarget) {
  const actor = requireUser(ctx.actor);
  await getProvider(ctx.db, t.providerId);
  if (!(await hasProviderAccess(ctx.db, actor, t.providerId, "manage", t.projectId))) {
    throw new AppError("forbidden", `You are not allowed to manage access to the Provider ${t.providerId}.`);
  }
  return actor;
}

/** The older ACL form (seed 003): `who` gets exactly these roles on (project, provider) from the ACL. */
export async function setProviderAcl(
  ctx: ServiceContext,
  t: AclTarget,
  input: { roles: AccessRole[] },
): Promise<AccessRole[]> {
  const actor = await requireAclManager(ctx, t);
  const { roles } = parseWith(aclInput, input);
  const wanted = [...new Set(roles)];
  return ctx.db.transaction(async (tx) => {
    const subject = await resolveSubject(tx, t.who);
    const scope = and(
      eq(providerAccessGrants.projectId, t.projectId),
      eq(providerAccessGrants.providerId, t.providerId),
      eq(providerAccessGrants.subject, subject.id),
    );
    await tx
      .delete(providerAccessGrants)
      .where(and(scope, eq(providerAccessGrants.source, "acl"), notInArray(providerAccessGrants.role, wanted)));
    await tx
      .insert(providerAccessGrants)
      .values(
        wanted.map((role) => ({
          projectId: t.projectId,
          providerId: t.providerId,
          subject: subject.id,
          role,
          source: "acl" as const,
          createdBy: actor.id,
        })),
      )
      .onConflictDoNothing();
    await recordAudit(tx, ctx, {
      action: "provider_acl.set",
      entityType: "provider",
      entityId: t.providerId,
      summary: { project: t.projectId, subject: subject.username, roles: wanted },
    });
    return wanted;
  });
}

/** Removes every ACL role of `who` on (project, provider); entitlement grants stay (they are revoked as entitlements). */
export async function deleteProviderAcl(ctx: ServiceContext, t: AclTarget): Promise<void> {
  await requireAclManager(ctx, t);
  await ctx.db.transaction(async (tx) => {
    const subject = await resolveSubject(tx, t.who);
    const removed = await tx
      .delete(providerAccessGrants)
      .where(
        and(
          eq(providerAccessGrants.projectId, t.projectId),
          eq(providerAccessGrants.providerId, t.providerId),
          inArray(providerAccessGrants.subject, [subject.id]),
          inArray(providerAccessGrants.source, ["acl", "portal"]),
        ),
      )
      .returning();
    if (!removed.length) throw new AppError("not_found", `There is no Provider Access Control entry for ${t.who}.`);
    await recordAudit(tx, ctx, {
      action: "provider_acl.delete",
      entityType: "provider",
      entityId: t.providerId,
      summary: { project: t.projectId, subject: subject.username },
    });
  });
}

/** The ACL of (project, provider): for admins, support and whoever manages the provider. */
export async function listProviderAcl(ctx: ServiceContext, projectId: string, providerId: string) {
  const actor = requireUser(ctx.actor);
  await getProvider(ctx.db, providerId);
  if (actor.role !== "support" && !(await hasProviderAccess(ctx.db, actor, providerId, "manage", projectId))) {
    throw new AppError("forbidden", `You are not allowed to see who has access to the Provider ${providerId}.`);
  }
  return listProviderGrants(ctx.db, providerId, projectId);
}
