import { describe, expect, it } from "vitest";
import { createTestUser, db } from "@/lib/testing/fixtures";
import { deleteOfferingDraft, saveOfferingDraft } from "./offering-drafts";
import { findOfferingDraft, listOfferingDrafts } from "./queries";

describe("offering wizard drafts", () => {
  it("are saved per person, resumed, never hold secrets, and deleted only by their owner", async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    const d = await db();
    const ctxA = { db: d, actor: a.actor, correlationId: "t" };
    const ctxB = { db: d, actor: b.actor, correlationId: "t" };
    const first = await saveOfferingDraft(ctxA, { id: null, step: 0, data: { basics: { name: "HPC" } } });
    const again = await saveOfferingDraft(ctxA, {
      id: first.id,
      step: 2,
      data: { basics: { name: "HPC 2" }, components: [] },
    });
    expect(again.id).toBe(first.id);
    expect(await findOfferingDraft(d, a.user.id, first.id)).toMatchObject({ step: 2, title: "HPC 2" });
    expect(await listOfferingDrafts(d, b.user.id)).toEqual([]);
    await expect(saveOfferingDraft(ctxB, { id: first.id, step: 1, data: {} })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      saveOfferingDraft(ctxA, { id: null, step: 1, data: { secret_options: { token: "x" } } }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(deleteOfferingDraft(ctxB, first.id)).rejects.toMatchObject({ code: "not_found" });
    await deleteOfferingDraft(ctxA, first.id);
    expect(await listOfferingDrafts(d, a.user.id)).toEqual([]);
  });
});
