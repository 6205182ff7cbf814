import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_TOKEN } from "../accounts";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

test("ARGO providers over real HTTP: encoded ids in paths, absolute paging links, catalogue refusal, errors in ARGO's shape", async ({
  request,
}) => {
  const id = `e2e ${randomUUID().slice(0, 6)} ü`;
  const path = `/accounting-system/providers/${encodeURIComponent(id)}`;
  const created = await request.post("/accounting-system/providers", {
    headers: auth,
    data: { id, name: `Spaced Provider ${id}`, website: "https://spaced.example/" },
  });
  expect(created.status()).toBe(201);
  expect((await created.json()).id).toBe(id);
  expect((await request.get(path, { headers: auth })).status()).toBe(200);
  const patched = await request.patch(path, { headers: auth, data: { name: null, abbreviation: "SP" } });
  expect(await patched.json()).toMatchObject({ id, name: `Spaced Provider ${id}`, abbreviation: "SP" });

  const list = await request.get("/accounting-system/providers?page=2&size=5", {
    headers: { ...auth, host: "acc.example.org", "x-forwarded-proto": "https" },
  });
  const body = await list.json();
  expect(body.links.find((l: { rel: string }) => l.rel === "self").href).toBe(
    "https://acc.example.org/accounting-system/providers?page=2&size=5",
  );
  expect((await request.get("/accounting-system/providers?size=abc", { headers: auth })).status()).toBe(400);

  const refused = await request.delete("/accounting-system/providers/esa-int", { headers: auth });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: 403 });
  const deleted = await request.delete(path, { headers: auth });
  expect(await deleted.json()).toEqual({ code: 200, message: "Provider has been deleted successfully." });
  const missing = await request.get(path, { headers: auth });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).message).toBe(`There is no Provider with the following id: ${id}`);
});
