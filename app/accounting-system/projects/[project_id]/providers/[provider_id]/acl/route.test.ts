import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hasProviderAccess, type ProviderPermission } from "@/lib/providers/access";
import { call, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { DELETE as deleteEntitlement } from "@/app/accounting-system/admin/entitlements/[id]/route";
import {
  DELETE as unassign,
  POST as assign,
} from "@/app/accounting-system/admin/entitlements/[id]/assign/[actor_id]/route";
import { GET as listEntitlements, POST as createEntitlement } from "@/app/accounting-system/admin/entitlements/route";
import { POST as createProvider } from "@/app/accounting-system/providers/route";
import { DELETE as deleteAcl, POST as setAcl } from "./[who]/route";
import { GET as listAcl } from "./route";

const NS = "urn:geant:sandbox.eosc-beyond.eu:core:integration";
const aclUrl = (project: string, provider: string, who: string) => ({
  url: `/accounting-system/projects/${project}/providers/${provider}/acl/${who}`,
  params: { project_id: project, provider_id: provider, who },
});

async function entitle(admin: TestUser, project: string, provider: string, role: string, who: TestUser) {
  const name = `${NS}:group:accounting:${project}:${provider}:role=${role}`;
  const created = await call(createEntitlement, "POST", "/accounting-system/admin/entitlements", {
    token: admin.token,
    body: { name },
  });
  expect(created.status).toBe(201);
  const id = created.headers.get("location")!.split("/").pop()!;
  const res = await call(assign, "POST", "/a", { token: admin.token, params: { id, actor_id: who.user.email } });
  expect(res.status).toBe(200);
  return { id, name };
}

describe("entitlements and ACL grant exactly what they say", () => {
  it("matrix: actors × (project, provider) pairs × permissions, allowed only where granted, and revoked again", async () => {
    const db = await getDb();
    const admin = await createTestUser({ role: "admin" });
    const creator = await createTestUser();
    const [p1, p2] = [unique("mp1"), unique("mp2")];
    for (const id of [p1, p2])
      expect((await call(createProvider, "POST", "/p", { token: creator.token, body: { id, name: id } })).status).toBe(
        201,
      );
    const [A, B] = [unique("projA"), unique("projB")];
    const viewer = await createTestUser();
    const collector = await createTestUser();
    const manager = await createTestUser();
    const nobody = await createTestUser();

    const ent = await entitle(admin, A, p1, "viewer", viewer);
    const c = aclUrl(B, p1, collector.user.username);
    expect(
      (await call(setAcl, "POST", c.url, { token: creator.token, params: c.params, body: { roles: ["collector"] } }))
        .status,
    ).toBe(200);
    const m = aclUrl(A, p2, manager.user.id);
    expect(
      (await call(setAcl, "POST", m.url, { token: admin.token, params: m.params, body: { roles: ["admin"] } })).status,
    ).toBe(200);

    const granted: Record<string, ProviderPermission[]> = {
      [`viewer ${A} ${p1}`]: ["read_reports"],
      [`collector ${B} ${p1}`]: ["write_usage"],
      [`manager ${A} ${p2}`]: ["manage", "read_reports", "write_usage"],
    };
    const actors = { viewer, collector, manager, nobody };
    for (const [label, who] of Object.entries(actors)) {
      for (const project of [A, B]) {
        for (const provider of [p1, p2]) {
          for (const perm of ["read_reports", "write_usage", "manage"] as ProviderPermission[]) {
            const want = (granted[`${label} ${project} ${provider}`] ?? []).includes(perm);
            expect(
              await hasProviderAccess(db, who.actor, provider, perm, project),
              `${label} ${perm} on (${project}, ${provider})`,
            ).toBe(want);
          }
        }
      }
    }
    // The creator manages both providers in every project; support reads reports only.
    expect(await hasProviderAccess(db, creator.actor, p2, "manage", B)).toBe(true);

    // A collector cannot hand out roles; a project-scoped admin grant manages only that project.
    const sneaky = aclUrl(B, p1, nobody.user.id);
    expect(
      (
        await call(setAcl, "POST", sneaky.url, {
          token: collector.token,
          params: sneaky.params,
          body: { roles: ["viewer"] },
        })
      ).status,
    ).toBe(403);
    const other = aclUrl(B, p2, nobody.user.id);
    expect(
      (
        await call(setAcl, "POST", other.url, {
          token: manager.token,
          params: other.params,
          body: { roles: ["viewer"] },
        })
      ).status,
    ).toBe(403);
    const own = aclUrl(A, p2, nobody.user.id);
    expect(
      (
        await call(setAcl, "POST", own.url, {
          token: manager.token,
          params: own.params,
          body: { roles: ["viewer", "viewer"] },
        })
      ).status,
    ).toBe(200);
    expect(await hasProviderAccess(db, nobody.actor, p2, "read_reports", A)).toBe(true);

    const list = await call(listAcl, "GET", `/accounting-system/projects/${A}/providers/${p2}/acl`, {
      token: manager.token,
      params: { project_id: A, provider_id: p2 },
    });
    expect(list.json.content.map((e: { username: string; roles: string[] }) => [e.username, e.roles]).sort()).toEqual(
      [
        [manager.user.username, ["admin"]],
        [nobody.user.username, ["viewer"]],
      ].sort(),
    );

    // Revocations take effect at once.
    expect(
      (await call(unassign, "DELETE", "/u", { token: admin.token, params: { id: ent.id, actor_id: viewer.user.id } }))
        .status,
    ).toBe(200);
    expect(await hasProviderAccess(db, viewer.actor, p1, "read_reports", A)).toBe(false);
    expect((await call(deleteAcl, "DELETE", c.url, { token: creator.token, params: c.params })).json).toEqual({
      code: 200,
      message: "Provider Access Control was successfully deleted.",
    });
    expect(await hasProviderAccess(db, collector.actor, p1, "write_usage", B)).toBe(false);
    // Re-setting the ACL replaces the roles rather than adding to them.
    expect(
      (await call(setAcl, "POST", m.url, { token: admin.token, params: m.params, body: { roles: ["viewer"] } })).status,
    ).toBe(200);
    expect(await hasProviderAccess(db, manager.actor, p2, "manage", A)).toBe(false);
    expect(await hasProviderAccess(db, manager.actor, p2, "read_reports", A)).toBe(true);
  });

  it("validates entitlement names, needs an admin, an existing provider and actor, and refuses duplicates", async () => {
    const admin = await createTestUser({ role: "admin" });
    const member = await createTestUser();
    const provider = unique("ep");
    await call(createProvider, "POST", "/p", { token: member.token, body: { id: provider, name: provider } });
    const post = (token: string, name: unknown) => call(createEntitlement, "POST", "/e", { token, body: { name } });
    for (const bad of [
      "nonsense",
      `${NS}:group:accounting:1:${provider}:role=owner`,
      `${NS}:group:accounting::${provider}:role=admin`,
      `:group:accounting:1:${provider}:role=admin`,
    ]) {
      const res = await post(admin.token, bad);
      expect(res.status, bad).toBe(400);
      expect(res.json.errors).toHaveProperty("name");
    }
    expect((await post(admin.token, `${NS}:group:accounting:1:${provider}:role=owner`)).json.message).toMatch(
      /Unknown role 'owner'/,
    );
    expect((await post(member.token, `${NS}:group:accounting:1:${provider}:role=admin`)).status).toBe(403);
    expect((await post(admin.token, `${NS}:group:accounting:1:${unique("none")}:role=admin`)).status).toBe(404);
    const name = `${NS}:group:accounting:${unique("proj")}:${provider}:role=viewer`;
    expect((await post(admin.token, name)).status).toBe(201);
    expect((await post(admin.token, name)).status).toBe(409);

    // Assign by name works too; unknown entitlement or actor → 404; repeating is harmless.
    expect(
      (await call(assign, "POST", "/a", { token: admin.token, params: { id: name, actor_id: member.user.username } }))
        .status,
    ).toBe(200);
    expect(
      (await call(assign, "POST", "/a", { token: admin.token, params: { id: name, actor_id: member.user.username } }))
        .status,
    ).toBe(200);
    const noEnt = await call(assign, "POST", "/a", {
      token: admin.token,
      params: { id: "00000000-0000-0000-0000-000000000000", actor_id: member.user.id },
    });
    expect(noEnt.status).toBe(404);
    expect(noEnt.json.message).toMatch(/There is no Entitlement/);
    expect(
      (await call(assign, "POST", "/a", { token: admin.token, params: { id: name, actor_id: "ghost@nowhere" } })).json
        .message,
    ).toBe("There is no Actor with the following id: ghost@nowhere");

    const list = await call(listEntitlements, "GET", `/accounting-system/admin/entitlements?provider_id=${provider}`, {
      token: admin.token,
    });
    expect(list.json.content).toHaveLength(1);
    expect(list.json.content[0]).toMatchObject({
      name,
      role: "viewer",
      provider_id: provider,
      actors: [{ id: member.user.id, username: member.user.username }],
    });
    expect((await call(listEntitlements, "GET", "/e", { token: member.token })).status).toBe(403);

    const db = await getDb();
    const id = list.json.content[0].id;
    expect(await hasProviderAccess(db, member.actor, provider, "read_reports", list.json.content[0].project_id)).toBe(
      true,
    );
    expect((await call(deleteEntitlement, "DELETE", "/e", { token: admin.token, params: { id } })).status).toBe(200);
    expect(
      (await call(listEntitlements, "GET", `/e?provider_id=${provider}`, { token: admin.token })).json.total_elements,
    ).toBe(0);
  });

  it("ACL: 404 for unknown provider or actor, 400 for unknown roles", async () => {
    const admin = await createTestUser({ role: "admin" });
    const provider = unique("ap");
    await call(createProvider, "POST", "/p", { token: admin.token, body: { id: provider, name: provider } });
    const u = aclUrl("1", provider, "nobody-here");
    expect(
      (await call(setAcl, "POST", u.url, { token: admin.token, params: u.params, body: { roles: ["viewer"] } })).status,
    ).toBe(404);
    const n = aclUrl("1", unique("nope"), admin.user.id);
    expect(
      (await call(setAcl, "POST", n.url, { token: admin.token, params: n.params, body: { roles: ["viewer"] } })).json
        .message,
    ).toMatch(/There is no Provider/);
    const r = aclUrl("1", provider, admin.user.id);
    const bad = await call(setAcl, "POST", r.url, { token: admin.token, params: r.params, body: { roles: ["root"] } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/root/);
    expect(
      (await call(setAcl, "POST", r.url, { token: admin.token, params: r.params, body: { roles: [] } })).status,
    ).toBe(400);
  });
});
