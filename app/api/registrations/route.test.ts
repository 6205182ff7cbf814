import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { approveRegistration } from "@/lib/registration/approve-registration";
import {
  createDraft,
  getDraft,
  revealCredentialsOnce,
  saveDraftStep,
  submitDraft,
} from "@/lib/registration/onboarding-drafts";
import { rejectRegistration } from "@/lib/registration/reject-registration";
import { call, createTestUser, db, unique } from "@/lib/testing/fixtures";
import { GET as getOne } from "./[id]/route";
import { GET as list } from "./route";

const ctxOf = async (actor: Awaited<ReturnType<typeof createTestUser>>["actor"]) => ({
  db: await db(),
  actor,
  correlationId: randomUUID(),
});

describe("onboarding wizard drafts → registration → approval queue", () => {
  it("saves every step (even invalid input), advances only when valid, submits signed, reveals credentials once", async () => {
    const owner = await createTestUser();
    const ctx = await ctxOf(owner.actor);
    const draft = await createDraft(ctx);
    const specId = unique("wiz");

    await expect(
      saveDraftStep(ctx, draft.id, 0, { id: "has spaces", name: "", website: "not a url" }, 1),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: expect.objectContaining({
        id: expect.any(Array),
        name: expect.any(Array),
        website: expect.any(Array),
      }),
    });
    const resumed = await getDraft(ctx, draft.id);
    expect(resumed.step).toBe(0);
    expect(resumed.data).toMatchObject({ id: "has spaces", website: "not a url" }); // nothing typed is lost

    expect(
      (
        await saveDraftStep(
          ctx,
          draft.id,
          0,
          { id: specId, name: "Wizard Compute", website: "https://wiz.example.org", abbreviation: "WC", logo: "" },
          1,
        )
      ).step,
    ).toBe(1);
    await expect(
      saveDraftStep(ctx, draft.id, 1, { domain: "http://x", https: true, port: 70000 }, 2),
    ).rejects.toMatchObject({
      fieldErrors: expect.objectContaining({ domain: expect.any(Array), port: expect.any(Array) }),
    });
    expect(
      (await saveDraftStep(ctx, draft.id, 1, { domain: "im.wiz.example.org", https: true, port: 8443 }, 2)).step,
    ).toBe(2);

    // someone else cannot see or use the draft
    const other = await createTestUser();
    await expect(getDraft(await ctxOf(other.actor), draft.id)).rejects.toMatchObject({ code: "not_found" });

    const registrationId = await submitDraft(ctx, draft.id);
    expect(await submitDraft(ctx, draft.id)).toBe(registrationId); // a second submit is the same request
    const mine = await call(getOne, "GET", `/api/registrations/${registrationId}`, {
      token: owner.token,
      params: { id: registrationId },
    });
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({
      specId,
      state: "signed",
      origin: "wizard",
      signedBy: owner.user.username,
      name: "Wizard Compute",
      port: 8443,
    });
    expect(
      (
        await call(getOne, "GET", `/api/registrations/${registrationId}`, {
          token: other.token,
          params: { id: registrationId },
        })
      ).status,
    ).toBe(404);
    await expect(revealCredentialsOnce(ctx, registrationId)).rejects.toMatchObject({ code: "conflict" });

    const admin = await createTestUser({ role: "admin" });
    await approveRegistration(await ctxOf(admin.actor), { id: registrationId });
    const approved = await call(getOne, "GET", `/api/registrations/${registrationId}`, {
      token: owner.token,
      params: { id: registrationId },
    });
    expect(approved.json).toMatchObject({ state: "approved", decidedBy: admin.user.username, providerId: specId });
    const creds = await revealCredentialsOnce(ctx, registrationId);
    expect(creds?.refreshToken).toMatch(/^prt_/);
    expect(creds?.publicKey).toContain("BEGIN PUBLIC KEY");
    expect(await revealCredentialsOnce(ctx, registrationId)).toBeNull();
    await expect(revealCredentialsOnce(await ctxOf(other.actor), registrationId)).rejects.toMatchObject({
      code: "not_found",
    });

    // a taken id is caught on the first step already
    const again = await createDraft(ctx);
    await expect(saveDraftStep(ctx, again.id, 0, { id: specId, name: "Dup" }, 1)).rejects.toMatchObject({
      fieldErrors: { id: expect.any(Array) },
    });
  });

  it("lists the queue by state with counts for admins and support only", async () => {
    const admin = await createTestUser({ role: "admin" });
    const support = await createTestUser({ role: "support" });
    const member = await createTestUser();
    const ctx = await ctxOf(member.actor);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const d = await createDraft(ctx);
      await saveDraftStep(ctx, d.id, 0, { id: unique("q"), name: "Queue test" }, 1);
      await saveDraftStep(ctx, d.id, 1, { domain: "10.1.2.3", https: false, port: null }, 2);
      ids.push(await submitDraft(ctx, d.id));
    }
    await rejectRegistration(await ctxOf(admin.actor), { id: ids[1] }, "Not a member of the federation");

    const signed = await call(list, "GET", "/api/registrations?state=signed&size=100", { token: support.token });
    expect(signed.status).toBe(200);
    expect(signed.json.items.map((r: { id: string }) => r.id)).toContain(ids[0]);
    expect(signed.json.items.every((r: { state: string }) => r.state === "signed")).toBe(true);
    expect(signed.json.counts.signed).toBeGreaterThanOrEqual(1);
    const rejected = await call(list, "GET", "/api/registrations?state=rejected&size=100", { token: admin.token });
    expect(rejected.json.items.find((r: { id: string }) => r.id === ids[1])).toMatchObject({
      state: "rejected",
      rejectionReason: "Not a member of the federation",
      decidedBy: admin.user.username,
    });
    expect((await call(list, "GET", "/api/registrations", { token: member.token })).status).toBe(403);
    expect((await call(list, "GET", "/api/registrations?state=nope", { token: admin.token })).status).toBe(400);
    expect(
      (await call(getOne, "GET", "/api/registrations/not-a-uuid", { token: admin.token, params: { id: "not-a-uuid" } }))
        .status,
    ).toBe(400);
  });
});
