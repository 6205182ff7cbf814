import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { emitEvent } from "@/lib/notifications/emit-event";
import { call, createTestOrganisation, createTestUser } from "@/lib/testing/fixtures";
import { GET as getSettings, PUT as putSettings } from "@/app/api/admin/webhook-settings/route";
import { POST as redeliver } from "./[webhookId]/deliveries/[deliveryId]/redeliver/route";
import { GET as deliveries } from "./[webhookId]/deliveries/route";
import { DELETE, PATCH } from "./[webhookId]/route";
import { GET, POST } from "./route";

describe("/api/organisations/{id}/webhooks", () => {
  it("adds an endpoint (secret once), lists, changes, logs deliveries, redelivers and removes it", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganisation(owner.user.id);
    const base = `/api/organisations/${org.id}/webhooks`;
    const created = await call(POST, "POST", base, {
      token: owner.token,
      params: { id: org.id },
      body: { url: "https://hooks.example.org/portico", description: "ops", kinds: ["registration.approved"] },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.json).toMatchObject({ url: "https://hooks.example.org/portico", kinds: ["registration.approved"] });
    expect(created.json.secret).toMatch(/^whsec_/);
    expect(created.json.secretPrefix).toBe(created.json.secret.slice(0, 12));
    const id = created.json.id;

    const list = await call(GET, "GET", base, { token: owner.token, params: { id: org.id } });
    expect(list.status).toBe(200);
    expect(list.json).toHaveLength(1);
    expect(list.text).not.toContain(created.json.secret);

    const paused = await call(PATCH, "PATCH", `${base}/${id}`, {
      token: owner.token,
      params: { id: org.id, webhookId: id },
      body: { active: false, kinds: [] },
    });
    expect(paused.json).toMatchObject({ active: false, kinds: [] });
    await call(PATCH, "PATCH", `${base}/${id}`, {
      token: owner.token,
      params: { id: org.id, webhookId: id },
      body: { active: true },
    });

    const told = await emitEvent(
      await getDb(),
      { actor: null, correlationId: randomUUID() },
      {
        kind: "registration.approved",
        subject: { type: "provider", id: "x" },
        organisationId: org.id,
        title: "Approved",
        link: "/",
        audience: {},
      },
    );
    const log = await call(deliveries, "GET", `${base}/${id}/deliveries`, {
      token: owner.token,
      params: { id: org.id, webhookId: id },
    });
    expect(log.status).toBe(200);
    expect(log.json).toMatchObject({ total: 1, items: [{ eventId: told!.event.id, status: "pending", attempts: 0 }] });
    const again = await call(redeliver, "POST", `${base}/${id}/deliveries/${log.json.items[0].id}/redeliver`, {
      token: owner.token,
      params: { id: org.id, webhookId: id, deliveryId: log.json.items[0].id },
    });
    expect(again.status).toBe(202);
    expect(again.json).toEqual({ id: log.json.items[0].id, status: "pending" });

    const gone = await call(DELETE, "DELETE", `${base}/${id}`, {
      token: owner.token,
      params: { id: org.id, webhookId: id },
    });
    expect(gone.status).toBe(200);
    expect((await call(GET, "GET", base, { token: owner.token, params: { id: org.id } })).json).toEqual([]);
  });

  it("refuses bad addresses with field messages, private ones unless an admin allows them, and outsiders", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const stranger = await createTestUser();
    const admin = await createTestUser({ role: "admin" });
    const org = await createTestOrganisation(owner.user.id);
    const { organisationMembers } = await import("@/drizzle/schema");
    await (await getDb()).insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id });
    const base = `/api/organisations/${org.id}/webhooks`;
    const post = (token: string, body: unknown) => call(POST, "POST", base, { token, params: { id: org.id }, body });

    const bad = await post(owner.token, { url: "ftp://x.example.org/", kinds: ["nope"], extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual(
      expect.arrayContaining(["url", "kinds.0"]),
    );
    expect((await post(owner.token, { url: "https://user:pw@hooks.example.org/" })).status).toBe(400);

    const settings = await call(getSettings, "GET", "/api/admin/webhook-settings", { token: admin.token });
    if (!settings.json.allowPrivateTargets) {
      const ssrf = await post(owner.token, { url: "http://169.254.169.254/latest/meta-data" });
      expect(ssrf.status).toBe(400);
      expect(ssrf.json.errors[0]).toMatchObject({ propertyName: "url" });
      expect(ssrf.json.errors[0].description[0]).toMatch(/^Refused: 169\.254\.169\.254/);
    }
    expect(
      (
        await call(putSettings, "PUT", "/api/admin/webhook-settings", {
          token: owner.token,
          body: { allowPrivateTargets: true },
        })
      ).status,
    ).toBe(403);
    expect((await post(member.token, { url: "https://hooks.example.org/" })).status).toBe(403);
    expect((await post(stranger.token, { url: "https://hooks.example.org/" })).status).toBe(404);
    expect(
      (
        await call(GET, "GET", `/api/organisations/${randomUUID()}/webhooks`, {
          token: owner.token,
          params: { id: randomUUID() },
        })
      ).status,
    ).toBe(404);
  });
});
