import type { ContractSuite } from "./types";

// Refusals as Waldur gives them: the status its clients test for, and DRF's error body.

const NOWHERE = "0123456789abcdef0123456789abcdef";

export const errorsSuite: ContractSuite = {
  name: "errors",
  async run(c, w) {
    const offering = { uuid: w.offering.uuid };
    await c.call("GET /api/users/", { expect: 401, note: "no token" });
    await c.call("GET /api/customers/{uuid}/", {
      as: "staff",
      params: { uuid: NOWHERE },
      expect: 404,
      note: "unknown customer",
    });
    await c.call("GET /api/marketplace-provider-offerings/{uuid}/", {
      as: "owner",
      params: { uuid: NOWHERE },
      expect: 404,
      note: "unknown offering",
    });
    await c.call("GET /api/marketplace-public-offerings/", {
      query: { page: 9999 },
      expect: 404,
      note: "a page past the end",
    });
    await c.call("GET /api/marketplace-provider-offerings/", {
      as: "owner",
      query: { state: ["Bogus"] },
      expect: 400,
      invalidRequest: true,
      note: "an unknown state",
    });
    await c.call("GET /api/marketplace-provider-offerings/", {
      as: "owner",
      query: { o: ["colour"] },
      expect: 400,
      invalidRequest: true,
      note: "an unknown ordering",
    });
    await c.call("POST /api/customers/", {
      as: "agent",
      body: { name: `Not allowed ${w.tag}` },
      expect: 403,
      note: "a service account may not create customers",
    });
    await c.call("POST /api/marketplace-provider-offerings/", {
      as: "owner",
      body: { customer: w.customer.url, category: w.category.url, type: "Marketplace.Slurm" },
      expect: 400,
      invalidRequest: true,
      note: "no name",
    });
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/unpause/", {
      as: "owner",
      params: offering,
      expect: 400,
      note: "unpause an Active offering",
    });
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/add_user/", {
      as: "agent",
      params: offering,
      body: { role: "OFFERING.MANAGER", user: w.serviceAccount.uuid },
      expect: 403,
      note: "an OFFERING.MANAGER may not grant roles",
    });
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/add_user/", {
      as: "owner",
      params: offering,
      body: { role: "OFFERING.MANAGER" },
      expect: 400,
      invalidRequest: true,
      note: "no user",
    });
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/add_user/", {
      as: "owner",
      params: offering,
      body: { role: "OFFERING.MANAGER", user: NOWHERE },
      expect: 400,
      note: "an unknown user",
    });
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/add_user/", {
      as: "owner",
      params: offering,
      body: { role: "OFFERING.MANAGER", user: w.serviceAccount.uuid },
      expect: 400,
      note: "the role again",
    });
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/delete_user/", {
      as: "owner",
      params: offering,
      body: { role: "OFFERING.MANAGER", user: NOWHERE },
      expect: 400,
      note: "a role nobody has",
    });
    await c.call("POST /api/users/", {
      as: "staff",
      body: { username: w.serviceAccount.username, email: `again-${w.tag}@example.com` },
      expect: 400,
      note: "a username taken",
    });
    await c.call("GET /api/users/{uuid}/token/", {
      as: "owner",
      params: { uuid: w.serviceAccount.uuid },
      expect: 403,
      note: "only staff read others' tokens",
    });
    await c.call("GET /api/marketplace-plans/{uuid}/", {
      params: { uuid: NOWHERE },
      expect: 404,
      note: "unknown plan",
    });
  },
};
