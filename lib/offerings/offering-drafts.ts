import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { offeringDrafts, type OfferingDraftRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";

// The wizard's work in progress, kept server-side per person. Secret options are never part of a draft.
export const saveDraftInput = z.object({
  id: z.uuid().nullable(),
  step: z.number().int().min(0).max(10),
  data: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= 200_000, "The draft is too large."),
});

const titleOf = (data: Record<string, unknown>) => {
  const basics = data.basics as { name?: unknown } | undefined;
  return typeof basics?.name === "string" && basics.name.trim()
    ? basics.name.trim().slice(0, 150)
    : "Untitled offering";
};

/** Creates or updates the caller's draft; returns it. */
export async function saveOfferingDraft(
  ctx: ServiceContext,
  input: z.input<typeof saveDraftInput>,
): Promise<OfferingDraftRow> {
  const actor = requireUser(ctx.actor);
  const data = parseWith(saveDraftInput, input);
  if ("secret_options" in data.data)
    throw new AppError("validation", "Secret options are not kept in drafts.", {
      secret_options: ["Not kept in drafts."],
    });
  return ctx.db.transaction(async (tx) => {
    if (data.id) {
      const [row] = await tx
        .update(offeringDrafts)
        .set({ step: data.step, data: data.data, title: titleOf(data.data), updatedAt: sql`now()` })
        .where(and(eq(offeringDrafts.id, data.id), eq(offeringDrafts.ownerId, actor.id)))
        .returning();
      if (!row) throw notFound("Draft");
      return row;
    }
    const [row] = await tx
      .insert(offeringDrafts)
      .values({ ownerId: actor.id, step: data.step, data: data.data, title: titleOf(data.data) })
      .returning();
    await recordAudit(tx, ctx, {
      action: "offering_draft.create",
      entityType: "offering_draft",
      entityId: row.id,
      summary: { title: row.title },
    });
    return row;
  });
}

/** Deletes one of the caller's drafts (also done when an offering is created from it). */
export async function deleteOfferingDraft(ctx: ServiceContext, id: string): Promise<void> {
  const actor = requireUser(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(offeringDrafts)
      .where(and(eq(offeringDrafts.id, id), eq(offeringDrafts.ownerId, actor.id)))
      .returning();
    if (!row) throw notFound("Draft");
    await recordAudit(tx, ctx, {
      action: "offering_draft.delete",
      entityType: "offering_draft",
      entityId: id,
      summary: { title: row.title },
    });
  });
}
