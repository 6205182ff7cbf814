import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accountingProjects, auditEvents, organisationMembers } from "@/drizzle/schema";
import { hexUuid, toUuid } from "@/lib/offerings/refs";
import { call, createTestOrganisation, createTestUser, db, type TestUser } from "@/lib/testing/fixtures";
import { POST } from "./route";

let owner: TestUser;
let member: TestUser;
let org: { id: string };
beforeAll(async () => {
  owner = await createTestUser();
  member = await createTestUser();
  org = await createTestOrganisation(owner.user.id, "owner");
  await (
    await db()
  )
    .insert(organisationMembers)
    .values({ organisationId: org.id, userId: member.user.id, role: "member" });
});

const post = (token: string, body: unknown) => call(POST, "POST", "/api/projects/", { token, scheme: "Token", body });
const count = async () => (await (await db()).select().from(accountingProjects)).length;

describe("POST /api/projects/", () => {
  it("an owner makes a project of its customer: one ARGO project row, Waldur's Project answered, audited", async () => {
    const customer = `http://portico.test/api/customers/${hexUuid(org.id)}/`;
    const res = await post(owner.token, {
      name: "Climate runs 2027",
      customer,
      description: "Ensemble runs",
      end_date: "2027-12-31",
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      name: "Climate runs 2027",
      description: "Ensemble runs",
      customer: expect.stringMatching(new RegExp(`/api/customers/${hexUuid(org.id)}/$`)),
      customer_uuid: hexUuid(org.id),
      start_date: null,
      end_date: "2027-12-31",
    });
    expect(res.json.slug).toMatch(/^climate-runs-2027-[0-9a-f]{6}$/);
    const [row] = await (
      await db()
    )
      .select()
      .from(accountingProjects)
      .where(eq(accountingProjects.uuid, toUuid(res.json.uuid)!));
    expect(row).toMatchObject({ id: res.json.slug, organisationId: org.id, acronym: "Climate runs 2027" });
    const audit = await (await db()).select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
    expect(audit.map((a) => a.action)).toEqual(["project.create"]);
  });

  it("keeps a given slug as the project id and refuses it twice", async () => {
    const slug = `grant-${Date.now().toString(36)}`;
    const first = await post(owner.token, { name: "Grant", customer: hexUuid(org.id), slug });
    expect(first.status, first.text).toBe(201);
    expect(first.json.slug).toBe(slug);
    const before = await count();
    const again = await post(owner.token, { name: "Grant again", customer: hexUuid(org.id), slug });
    expect(again.status).toBe(400);
    expect(again.json.slug).toEqual(["A project with this slug already exists."]);
    expect(await count()).toBe(before);
  });

  it("refuses bad input with field errors, members with 403 and strangers by hiding the customer, storing nothing", async () => {
    const stranger = await createTestUser();
    const before = await count();
    let res = await post(owner.token, { customer: hexUuid(org.id) });
    expect(res.status).toBe(400);
    expect(res.json.name).toEqual(["This field is required."]);
    res = await post(owner.token, { name: "X", customer: "https://x/api/offerings/1/" });
    expect(res.json.customer).toEqual(["Invalid hyperlink - No URL match."]);
    res = await post(owner.token, { name: "X", customer: hexUuid(org.id), slug: "no spaces" });
    expect(res.status).toBe(400);
    expect(res.json.slug).toBeDefined();
    res = await post(owner.token, {
      name: "X",
      customer: hexUuid(org.id),
      start_date: "2027-02-01",
      end_date: "2027-01-01",
    });
    expect(res.json.end_date).toEqual(["The end date is before the start date."]);
    res = await post(stranger.token, { name: "X", customer: hexUuid(org.id) });
    expect(res.status).toBe(400);
    expect(res.json.customer).toEqual(["Invalid hyperlink - Object does not exist."]);
    res = await post(member.token, { name: "X", customer: hexUuid(org.id) });
    expect(res.status).toBe(403);
    expect(await count()).toBe(before);
  });
});
