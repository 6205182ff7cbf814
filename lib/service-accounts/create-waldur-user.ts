import { like, sql } from "drizzle-orm";
import { users, waldurUserProfiles, type UserRow, type WaldurUserProfileRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { nextSlug, startsWith } from "@/lib/offerings/slug";
import { createWaldurUserInput, type CreateWaldurUserInput } from "./schemas";

/**
 * Staff create a Waldur user. Without a password it cannot log in to the portal: it is a service
 * account that works through its API token (`token/`, `refresh_token/`).
 */
export async function createWaldurUser(
  ctx: ServiceContext,
  input: CreateWaldurUserInput,
): Promise<{ user: UserRow; profile: WaldurUserProfileRow }> {
  requireRole(ctx.actor, "admin");
  const data = parseWith(createWaldurUserInput, input);
  return ctx.db.transaction(async (tx) => {
    const errors: Record<string, string[]> = {};
    const [byName] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = ${data.username.toLowerCase()}`);
    if (byName) errors.username = ["A user with that username already exists."];
    const [byEmail] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${data.email}`);
    if (byEmail) errors.email = ["User with this email already exists."];
    if (Object.keys(errors).length) throw new AppError("validation", "User exists.", errors);
    const [user] = await tx
      .insert(users)
      .values({
        username: data.username,
        email: data.email,
        name: [data.first_name, data.last_name].filter(Boolean).join(" "),
        kind: "service",
        role: data.is_staff ? "admin" : data.is_support ? "support" : "member",
        isActive: data.is_active,
      })
      .returning();
    const slug = await nextSlug(data.username, async (p) =>
      (
        await tx
          .select({ slug: waldurUserProfiles.slug })
          .from(waldurUserProfiles)
          .where(like(waldurUserProfiles.slug, startsWith(p)))
      ).map((r) => r.slug),
    );
    const [profile] = await tx
      .insert(waldurUserProfiles)
      .values({
        userId: user.id,
        slug,
        firstName: data.first_name,
        lastName: data.last_name,
        nativeName: data.native_name,
        jobTitle: data.job_title,
        phoneNumber: data.phone_number,
        organization: data.organization,
        description: data.description,
        civilNumber: data.civil_number,
        preferredLanguage: data.preferred_language,
        tokenLifetime: data.token_lifetime,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      summary: {
        username: user.username,
        email: user.email,
        kind: user.kind,
        role: user.role,
        tokenLifetime: data.token_lifetime,
        via: "waldur",
      },
    });
    return { user, profile };
  });
}
