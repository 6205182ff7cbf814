import type { ContractSuite } from "./types";

// The offering's lifecycle and management actions on a second offering of the same customer, as Waldur's
// clients call them: every state change, integration and secret options, managers granted and revoked.

export const offeringActionsSuite: ContractSuite = {
  name: "offering actions",
  async run(c, w) {
    const created = await c.call("POST /api/marketplace-provider-offerings/", {
      as: "owner",
      note: "a second offering, two components and two plans",
      body: {
        name: `Actions ${w.tag}`,
        customer: w.customer.url,
        category: w.category.url,
        type: "Marketplace.Remote",
        shared: true,
        billable: true,
        components: [
          { type: "cpu", name: "CPU hours", measured_unit: "hours", billing_type: "usage", limit_period: null },
          { type: "storage", name: "Storage", measured_unit: "TB", billing_type: "fixed", limit_period: "month" },
        ],
        plans: [
          { name: "Small", unit: "month", prices: { cpu: 0.5, storage: 10 }, quotas: { storage: 1 } },
          { name: "Large", unit: "month", prices: { cpu: 0.4, storage: 9 }, quotas: { storage: 10 } },
        ],
      },
    });
    const params = { uuid: created.body.uuid };
    const state = async (expected: string, after: string) => {
      const res = await c.call("GET /api/marketplace-provider-offerings/{uuid}/", {
        as: "owner",
        params,
        query: { field: ["state"] },
        note: `state after ${after}`,
      });
      c.expectThat(
        res.body.state === expected,
        "GET /api/marketplace-provider-offerings/{uuid}/",
        `${after} leaves the offering ${expected}`,
        expected,
        res.body.state,
      );
    };
    const act = async (action: string, expected: string, body?: unknown) => {
      const res = await c.call(`POST /api/marketplace-provider-offerings/{uuid}/${action}/`, {
        as: "owner",
        params,
        body,
        note: body === undefined ? "no body" : JSON.stringify(body),
      });
      if (res.body !== undefined)
        c.expectThat(
          res.body.state === expected,
          `POST /api/marketplace-provider-offerings/{uuid}/${action}/`,
          "DetailState names the new state",
          expected,
          res.body,
        );
      await state(expected, action);
    };
    await c.call("PATCH /api/marketplace-provider-offerings/{uuid}/", {
      as: "owner",
      params,
      body: { description: "Edited while Draft" },
      note: "Portico: PATCH",
    });
    await c.call("PUT /api/marketplace-provider-offerings/{uuid}/", {
      as: "owner",
      params,
      body: { name: `Actions ${w.tag}`, description: "Put" },
      note: "Portico: PUT",
    });
    await act("activate", "Active");
    await act("pause", "Paused", { paused_reason: "Maintenance window" });
    await act("unpause", "Active");
    await act("pause", "Paused", {});
    await act("activate", "Active");
    await act("draft", "Draft");
    await act("activate", "Active");
    await act("archive", "Archived");
    await act("draft", "Draft");

    await c.call("POST /api/marketplace-provider-offerings/{uuid}/update_integration/", {
      as: "owner",
      params,
      note: "plugin, secret and service options, backend id",
      body: {
        plugin_options: { auto_approve_remote_orders: false },
        secret_options: { api_url: "https://waldur.example.org/api/", token: "s3cret" },
        service_attributes: { partition: "batch" },
        backend_id: `cluster-${w.tag}`,
      },
    });
    const seen = await c.call("GET /api/marketplace-provider-offerings/{uuid}/", { as: "owner", params });
    c.expectThat(
      seen.body.secret_options?.api_url === "https://waldur.example.org/api/" &&
        seen.body.backend_id === `cluster-${w.tag}`,
      "GET /api/marketplace-provider-offerings/{uuid}/",
      "the owner reads back the secret options and backend id",
      "api_url, backend_id",
      { secret_options: seen.body.secret_options, backend_id: seen.body.backend_id },
    );
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/update_integration/", {
      as: "owner",
      params,
      body: { secret_options: { token: "rotated" } },
      note: "one secret changed, the others kept",
    });
    const merged = await c.call("GET /api/marketplace-provider-offerings/{uuid}/", {
      as: "owner",
      params,
      query: { field: ["secret_options"] },
    });
    c.expectThat(
      merged.body.secret_options?.token === "rotated" &&
        merged.body.secret_options?.api_url === "https://waldur.example.org/api/",
      "POST /api/marketplace-provider-offerings/{uuid}/update_integration/",
      "secret options are merged",
      "token rotated, api_url kept",
      merged.body.secret_options,
    );

    // a manager with an expiry, then revoked
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const granted = await c.call("POST /api/marketplace-provider-offerings/{uuid}/add_user/", {
      as: "owner",
      params,
      body: { role: "OFFERING.MANAGER", user: w.serviceAccount.uuid, expiration_time: expires },
      note: "with expiration_time",
    });
    c.expectThat(
      granted.body && Date.parse(granted.body.expiration_time) === Date.parse(expires),
      "POST /api/marketplace-provider-offerings/{uuid}/add_user/",
      "add_user answers the expiration time",
      expires,
      granted.body,
    );
    const listed = await c.call("GET /api/marketplace-provider-offerings/{uuid}/list_users/", {
      as: "owner",
      params,
      query: { o: ["-created"] },
    });
    c.expectThat(
      listed.body.length === 1 && listed.body[0].user_uuid === w.serviceAccount.uuid,
      "GET /api/marketplace-provider-offerings/{uuid}/list_users/",
      "the new manager is listed",
      w.serviceAccount.uuid,
      listed.body,
    );
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/delete_user/", {
      as: "owner",
      params,
      body: { role: "OFFERING.MANAGER", user: w.serviceAccount.uuid, expiration_time: null },
      note: "revoke (with the optional expiration_time)",
    });
    const after = await c.call("GET /api/marketplace-provider-offerings/{uuid}/list_users/", { as: "owner", params });
    c.expectThat(
      after.body.length === 0,
      "GET /api/marketplace-provider-offerings/{uuid}/list_users/",
      "delete_user removes the role",
      0,
      after.body.length,
    );
  },
};
