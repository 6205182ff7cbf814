import type { ContractClient } from "../client";
import type { ContractWorld } from "./types";

// Seed 001 step by step, with the seed's own request bodies: a service provider creates a SLURM offering,
// sets its integration options and activates it; staff create a service account, the provider grants it
// OFFERING.MANAGER, staff read and refresh its token — and the service account (the site agent) reads the offering.

/** The organisation owner of the demo (Waldur: a customer owner), found and given a token over Waldur's API. */
async function findOwner(c: ContractClient) {
  const customers = await c.call("GET /api/customers/", {
    as: "staff",
    query: { page_size: 100 },
    note: "customers with their owners",
  });
  const customer = (customers.body as { url: string; uuid: string; name: string; owners: { uuid: string }[] }[]).find(
    (x) => x.owners.length > 0,
  );
  if (!customer) throw new Error("no customer with an owner: the contract needs the demo (PORTICO_SEED_DEMO)");
  const token = await c.call("GET /api/users/{uuid}/token/", {
    as: "staff",
    params: { uuid: customer.owners[0].uuid },
    note: "the owner's token",
  });
  c.tokens.set("owner", token.body.token);
  return customer;
}

export async function seed001(c: ContractClient, tag: string): Promise<ContractWorld> {
  const customer = await findOwner(c);
  const category = (
    await c.call("POST /api/marketplace-categories/", {
      as: "staff",
      body: { title: `HPC ${tag}` },
      note: "a category for the offering",
    })
  ).body;

  // 1. POST /api/marketplace-provider-offerings/ with the seed's body (Org Owner Token) → 201, Draft
  const created = await c.call("POST /api/marketplace-provider-offerings/", {
    as: "owner",
    note: "seed 001: create the SLURM offering",
    body: {
      name: `Test Cluster ${tag}`,
      description: "Test Cluster",
      customer: customer.url,
      category: category.url,
      components: [
        {
          type: "node_hours",
          name: "Node hours",
          measured_unit: "Node-hours",
          billing_type: "usage",
          limit_period: null,
        },
      ],
      plans: [{ name: "Default", description: "Default plan", unit: "month" }],
      type: "Marketplace.Slurm",
      shared: true,
    },
  });
  const offering = created.body;
  c.expectThat(
    offering.state === "Draft",
    "POST /api/marketplace-provider-offerings/",
    "a new offering is a Draft",
    "state Draft",
    offering.state,
  );
  const params = { uuid: offering.uuid };

  // 2. update_integration/ with the seed's plugin options → 200
  await c.call("POST /api/marketplace-provider-offerings/{uuid}/update_integration/", {
    as: "owner",
    params,
    note: "seed 001: integration options",
    body: {
      plugin_options: {
        homedir_prefix: "/home/",
        initial_uidnumber: 5000,
        initial_usergroup_number: 6000,
        username_anonymized_prefix: "waldur_",
        username_generation_policy: "waldur_username",
        initial_primarygroup_number: 5000,
        account_name_generation_policy: "project_slug",
        supports_pausing: true,
        supports_downscaling: true,
        service_provider_can_create_offering_user: true,
      },
    },
  });

  // 3. activate/ without a body
  await c.call("POST /api/marketplace-provider-offerings/{uuid}/activate/", {
    as: "owner",
    params,
    note: "seed 001: activate",
  });

  // 4. POST /api/users/ (Staff Token) with the seed's body → 201
  const username = `test_${tag}`;
  const user = (
    await c.call("POST /api/users/", {
      as: "staff",
      note: "seed 001: the service account",
      body: {
        username,
        email: `${username}@example.com`,
        is_staff: false,
        is_active: true,
        is_support: false,
        agree_with_policy: true,
        first_name: "test",
        last_name: tag,
      },
    })
  ).body;

  // 5. add_user/ OFFERING.MANAGER (Service Provider Token) → 201
  await c.call("POST /api/marketplace-provider-offerings/{uuid}/add_user/", {
    as: "owner",
    params,
    body: { role: "OFFERING.MANAGER", user: user.uuid },
    note: "seed 001: grant OFFERING.MANAGER",
  });

  // 6. token/ (Staff Token) → 200; 7. refresh_token/ (Staff Token): a new token, the old one refused
  const first = await c.call("GET /api/users/{uuid}/token/", {
    as: "staff",
    params: { uuid: user.uuid },
    note: "seed 001: the service account's token",
  });
  const fresh = await c.call("POST /api/users/{uuid}/refresh_token/", {
    as: "staff",
    params: { uuid: user.uuid },
    note: "seed 001: refresh the token",
  });
  c.expectThat(
    fresh.body.token !== first.body.token,
    "POST /api/users/{uuid}/refresh_token/",
    "refresh gives a new token",
    "a token other than the first",
    fresh.body.token,
  );
  c.tokens.set("old-agent", first.body.token);
  c.tokens.set("agent", fresh.body.token);

  // The site agent's first call with that token: its offering, with the integration options it manages by.
  const seen = await c.call("GET /api/marketplace-provider-offerings/{uuid}/", {
    as: "agent",
    params,
    note: "the service account reads its offering",
  });
  c.expectThat(
    seen.body.state === "Active" && seen.body.plugin_options?.homedir_prefix === "/home/",
    "GET /api/marketplace-provider-offerings/{uuid}/",
    "the agent sees the Active offering and its plugin options",
    "Active, homedir_prefix /home/",
    { state: seen.body.state, plugin_options: seen.body.plugin_options },
  );
  await c.call("GET /api/marketplace-provider-offerings/{uuid}/", {
    as: "old-agent",
    params,
    expect: 401,
    note: "the refreshed-away token is refused",
  });

  return {
    customer: { url: customer.url, uuid: customer.uuid, name: customer.name },
    category: { url: category.url, uuid: category.uuid },
    offering: { url: offering.url, uuid: offering.uuid, name: offering.name, plans: offering.plans },
    serviceAccount: { uuid: user.uuid, username },
    tag,
  };
}
