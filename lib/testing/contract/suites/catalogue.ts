import type { ContractClient } from "../client";
import type { ContractSuite } from "./types";

// Every list and read of customers, categories, offerings, plans and users, with the filters, orderings and
// paging Waldur's clients send — and a check that each filter really filters.

type Row = Record<string, unknown> & { uuid: string };
const uuids = (body: unknown) => (body as Row[]).map((r) => r.uuid);
const monotonic = (xs: (string | number)[], sign: 1 | -1) =>
  xs.every((x, i) => i === 0 || sign * (Number(x) - Number(xs[i - 1])) >= 0);
/** One list ordered both ways: the distinct values of one are the other's in reverse. */
const reverses = (up: (string | number)[], down: (string | number)[]) => {
  const runs = (xs: (string | number)[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
  return up.length === down.length && JSON.stringify(runs(up)) === JSON.stringify(runs([...down].reverse()));
};

async function paging(c: ContractClient, operation: string, as: string | undefined, query = {}) {
  const all = await c.call(operation, { as, query: { ...query, page_size: 300 }, note: "page_size=300" });
  const total = Number(all.headers.get("x-result-count"));
  c.expectThat(total === all.body.length, operation, "X-Result-Count is the total", `${all.body.length}`, total);
  if (total < 2) return all.body as Row[];
  const second = await c.call(operation, {
    as,
    query: { ...query, page: 2, page_size: 1 },
    note: "page=2&page_size=1",
  });
  c.expectThat(
    second.body.length === 1 && second.body[0].uuid === all.body[1].uuid,
    operation,
    "page 2 of size 1 is the second item",
    all.body[1].uuid,
    uuids(second.body),
  );
  const link = second.headers.get("link") ?? "";
  c.expectThat(
    /rel="prev"/.test(link) &&
      /rel="first"/.test(link) &&
      /rel="last"/.test(link) &&
      (total > 2 ? /rel="next"/.test(link) : true),
    operation,
    "Link has first, prev, next, last",
    "rel first/prev/next/last",
    link,
  );
  return all.body as Row[];
}

export const catalogueSuite: ContractSuite = {
  name: "catalogue",
  async run(c, w) {
    // customers
    const customers = await paging(c, "GET /api/customers/", "staff");
    const byName = await c.call("GET /api/customers/", {
      as: "staff",
      query: { name: w.customer.name.slice(0, 6) },
      note: "name contains",
    });
    c.expectThat(
      byName.body.some((x: Row) => x.uuid === w.customer.uuid),
      "GET /api/customers/",
      "?name= finds the customer",
      w.customer.uuid,
      uuids(byName.body),
    );
    const exact = await c.call("GET /api/customers/", {
      as: "staff",
      query: { name_exact: w.customer.name },
      note: "name_exact",
    });
    c.expectThat(
      exact.body.length >= 1 && exact.body.every((x: Row) => x.name === w.customer.name),
      "GET /api/customers/",
      "?name_exact= matches whole names only",
      w.customer.name,
      exact.body.map((x: Row) => x.name),
    );
    const byCustomerName = async (o: string) =>
      (await c.call("GET /api/customers/", { as: "staff", query: { o, page_size: 300 }, note: `o=${o}` })).body.map(
        (x: Row) => String(x.name),
      );
    const [up, down] = [await byCustomerName("name"), await byCustomerName("-name")];
    c.expectThat(reverses(up, down), "GET /api/customers/", "o=-name is the reverse of o=name", "reversed", {
      up,
      down,
    });
    await c.call("GET /api/customers/", { as: "owner", note: "an owner sees their own" });
    const made = await c.call("POST /api/customers/", {
      as: "staff",
      body: { name: `Customer ${w.tag}`, abbreviation: w.tag.slice(0, 8), email: `${w.tag}@example.org` },
      note: "staff create a customer",
    });
    const found = await c.call("GET /api/customers/", {
      as: "staff",
      query: { abbreviation: w.tag.slice(0, 8), o: "-created" },
      note: "abbreviation",
    });
    c.expectThat(
      JSON.stringify(uuids(found.body)) === JSON.stringify([made.body.uuid]),
      "GET /api/customers/",
      "?abbreviation= finds the new customer",
      made.body.uuid,
      uuids(found.body),
    );
    await c.call("GET /api/customers/{uuid}/", {
      as: "staff",
      params: { uuid: made.body.uuid },
      query: { field: ["uuid", "name"] },
      note: "field=",
    });
    await c.call("GET /api/customers/{uuid}/", { as: "owner", params: { uuid: w.customer.uuid } });
    c.expectThat(customers.length > 0, "GET /api/customers/", "staff see customers", "some", customers.length);

    // categories (public)
    await paging(c, "GET /api/marketplace-categories/", undefined);
    const cats = await c.call("GET /api/marketplace-categories/", {
      query: { title: `HPC ${w.tag}` },
      note: "title contains",
    });
    c.expectThat(
      JSON.stringify(uuids(cats.body)) === JSON.stringify([w.category.uuid]),
      "GET /api/marketplace-categories/",
      "?title= finds the category",
      w.category.uuid,
      uuids(cats.body),
    );
    const withOffering = await c.call("GET /api/marketplace-categories/", {
      query: { customer_uuid: w.customer.uuid, page_size: 300 },
      note: "customer_uuid: categories with the customer's offerings",
    });
    c.expectThat(
      uuids(withOffering.body).includes(w.category.uuid),
      "GET /api/marketplace-categories/",
      "?customer_uuid= lists the category of its offering",
      w.category.uuid,
      uuids(withOffering.body),
    );
    await c.call("GET /api/marketplace-categories/{uuid}/", { params: { uuid: w.category.uuid } });

    // provider offerings: the filters clients send
    const mine = await paging(c, "GET /api/marketplace-provider-offerings/", "owner");
    const list = (query: Record<string, string | number | string[]>, note: string) =>
      c.call("GET /api/marketplace-provider-offerings/", { as: "owner", query: { page_size: 300, ...query }, note });
    const has = (body: Row[]) => uuids(body).includes(w.offering.uuid);
    const filters: [Record<string, string | number | string[]>, string, (b: Row[]) => boolean][] = [
      [
        { customer_uuid: w.customer.uuid },
        "customer_uuid",
        (b) => has(b) && b.every((o) => o.customer_uuid === w.customer.uuid),
      ],
      [
        { customer: w.customer.url },
        "customer (URL)",
        (b) => has(b) && b.every((o) => o.customer_uuid === w.customer.uuid),
      ],
      [
        { category_uuid: w.category.uuid },
        "category_uuid",
        (b) => has(b) && b.every((o) => o.category_uuid === w.category.uuid),
      ],
      [
        { state: ["Active", "Paused"] },
        "state=Active&state=Paused",
        (b) => has(b) && b.every((o) => o.state === "Active" || o.state === "Paused"),
      ],
      [{ state: ["Draft"] }, "state=Draft", (b) => !has(b) && b.every((o) => o.state === "Draft")],
      [{ type: ["Marketplace.Slurm"] }, "type", (b) => has(b) && b.every((o) => o.type === "Marketplace.Slurm")],
      [
        { name: w.tag },
        "name contains",
        (b) => has(b) && b.every((o) => String(o.name).toLowerCase().includes(w.tag.toLowerCase())),
      ],
      [{ name_exact: w.offering.name }, "name_exact", (b) => has(b) && b.every((o) => o.name === w.offering.name)],
      [{ keyword: w.tag }, "keyword", (b) => has(b)],
      [{ query: w.tag }, "query", (b) => has(b)],
      [{ shared: "true" }, "shared=true", (b) => has(b) && b.every((o) => o.shared === true)],
      [{ shared: "false" }, "shared=false", (b) => !has(b) && b.every((o) => o.shared === false)],
      [{ billable: "true" }, "billable=true", (b) => has(b) && b.every((o) => o.billable === true)],
      [
        { uuid_list: w.offering.uuid },
        "uuid_list",
        (b) => JSON.stringify(uuids(b)) === JSON.stringify([w.offering.uuid]),
      ],
      [
        { service_manager_uuid: w.serviceAccount.uuid },
        "service_manager_uuid",
        (b) => JSON.stringify(uuids(b)) === JSON.stringify([w.offering.uuid]),
      ],
    ];
    for (const [query, note, ok] of filters) {
      const res = await list(query, note);
      c.expectThat(
        ok(res.body),
        "GET /api/marketplace-provider-offerings/",
        `?${note} filters`,
        "only matching offerings, the seed's offering where it matches",
        res.body.map((o: Row) => [o.name, o.state]),
      );
    }
    // Orderings: time and state (Waldur orders by the state's number) must be monotonic; text orderings follow
    // the database's collation, so `o=-name` must be the exact reverse of `o=name`.
    const ordered = async (o: string, value: (x: Row) => string | number) =>
      (await list({ o: [o] }, `o=${o}`)).body.map(value) as (string | number)[];
    for (const [key, value] of [
      ["created", (x: Row) => Date.parse(String(x.created))],
      ["state", (x: Row) => Number(x.state_code)],
      ["name", (x: Row) => String(x.name)],
      ["type", (x: Row) => String(x.type)],
    ] as const) {
      const up = await ordered(key, value);
      const down = await ordered(`-${key}`, value);
      const ok = typeof up[0] === "number" ? monotonic(up, 1) && monotonic(down, -1) : reverses(up, down);
      c.expectThat(
        ok,
        "GET /api/marketplace-provider-offerings/",
        `o=${key} and o=-${key} order`,
        "ascending, then descending",
        { up, down },
      );
    }
    await list({ o: ["state", "-name"] }, "o=state,-name (two keys, comma-separated)");
    await c
      .call("GET /api/marketplace-provider-offerings/", {
        as: "agent",
        query: { field: ["uuid", "name", "state"] },
        note: "field= selects fields",
      })
      .then((res) =>
        c.expectThat(
          res.body.length > 0 && res.body.every((o: Row) => Object.keys(o).sort().join() === "name,state,uuid"),
          "GET /api/marketplace-provider-offerings/",
          "field=uuid&field=name&field=state answers only those",
          "name,state,uuid",
          res.body.map((o: Row) => Object.keys(o)),
        ),
      );
    c.expectThat(
      mine.length > 0,
      "GET /api/marketplace-provider-offerings/",
      "the owner sees offerings",
      "some",
      mine.length,
    );
    await c.call("GET /api/marketplace-provider-offerings/{uuid}/", {
      as: "owner",
      params: { uuid: w.offering.uuid },
      query: { field: ["uuid", "plugin_options"] },
      note: "field= on one offering",
    });

    // the public catalogue
    await paging(c, "GET /api/marketplace-public-offerings/", undefined);
    const pub = await c.call("GET /api/marketplace-public-offerings/", {
      query: { customer_uuid: w.customer.uuid, o: ["-created"] },
      note: "customer_uuid, o=-created",
    });
    c.expectThat(
      uuids(pub.body).includes(w.offering.uuid),
      "GET /api/marketplace-public-offerings/",
      "the Active offering is public",
      w.offering.uuid,
      uuids(pub.body),
    );
    await c.call("GET /api/marketplace-public-offerings/{uuid}/", { params: { uuid: w.offering.uuid } });
    await c.call("GET /api/marketplace-plans/{uuid}/", { as: "agent", params: { uuid: w.offering.plans[0].uuid } });

    // users
    await paging(c, "GET /api/users/", "staff");
    const byUsername = await c.call("GET /api/users/", {
      as: "staff",
      query: { username: w.serviceAccount.username },
      note: "username",
    });
    c.expectThat(
      JSON.stringify(uuids(byUsername.body)) === JSON.stringify([w.serviceAccount.uuid]),
      "GET /api/users/",
      "?username= finds exactly the user",
      w.serviceAccount.uuid,
      uuids(byUsername.body),
    );
    const byKeyword = await c.call("GET /api/users/", {
      as: "staff",
      query: { query: w.tag, o: ["username"] },
      note: "query, o=username",
    });
    c.expectThat(
      uuids(byKeyword.body).includes(w.serviceAccount.uuid),
      "GET /api/users/",
      "?query= searches usernames",
      w.serviceAccount.uuid,
      uuids(byKeyword.body),
    );
    await c
      .call("GET /api/users/", { as: "agent", note: "a user lists only themselves" })
      .then((res) =>
        c.expectThat(
          JSON.stringify(uuids(res.body)) === JSON.stringify([w.serviceAccount.uuid]),
          "GET /api/users/",
          "a plain user sees only themselves",
          w.serviceAccount.uuid,
          uuids(res.body),
        ),
      );
    await c.call("GET /api/users/{uuid}/", { as: "staff", params: { uuid: w.serviceAccount.uuid } });
    const me = await c.call("GET /api/users/me/", { as: "agent", note: "the site agent's health check" });
    c.expectThat(
      me.body.uuid === w.serviceAccount.uuid && Array.isArray(me.body.permissions),
      "GET /api/users/me/",
      "me is the caller with its permissions",
      w.serviceAccount.uuid,
      me.body.uuid,
    );
    await c.call("GET /api/users/me/", {
      as: "agent",
      query: { field: ["uuid"] },
      note: "field=uuid, as the site agent's healthz asks",
    });

    // who manages the offering
    const managers = await c.call("GET /api/marketplace-provider-offerings/{uuid}/list_users/", {
      as: "owner",
      params: { uuid: w.offering.uuid },
    });
    c.expectThat(
      managers.body.some((r: Row) => r.user_uuid === w.serviceAccount.uuid && r.role_name === "OFFERING.MANAGER"),
      "GET /api/marketplace-provider-offerings/{uuid}/list_users/",
      "the service account is listed as OFFERING.MANAGER",
      w.serviceAccount.uuid,
      managers.body,
    );
    const byRole = await c.call("GET /api/marketplace-provider-offerings/{uuid}/list_users/", {
      as: "owner",
      params: { uuid: w.offering.uuid },
      query: { role: "OFFERING.MANAGER", user: w.serviceAccount.uuid, page_size: 5 },
      note: "role, user",
    });
    c.expectThat(
      byRole.body.length === 1,
      "GET /api/marketplace-provider-offerings/{uuid}/list_users/",
      "?role=&user= filter",
      1,
      byRole.body.length,
    );
    const none = await c.call("GET /api/marketplace-provider-offerings/{uuid}/list_users/", {
      as: "owner",
      params: { uuid: w.offering.uuid },
      query: { search_string: "nobody-has-this-name" },
      note: "search_string",
    });
    c.expectThat(
      none.body.length === 0,
      "GET /api/marketplace-provider-offerings/{uuid}/list_users/",
      "?search_string= filters",
      0,
      none.body.length,
    );
  },
};
