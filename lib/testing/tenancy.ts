import { providers } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { addCustomerProviderInstance } from "@/lib/tenancy/add-customer-provider-instance";
import { addTenantMember } from "@/lib/tenancy/add-tenant-member";
import { createCustomer } from "@/lib/tenancy/create-customer";
import { createProviderInstance } from "@/lib/tenancy/create-provider-instance";
import { createTenant } from "@/lib/tenancy/create-tenant";
import type { CustomerProviderInstanceInput } from "@/lib/tenancy/schemas";
import { createTestUser, unique, type TestUser } from "./fixtures";

export const MICROSOFT_DATA = {
  Domain: "TestDomain",
  CredentialsEmail: "test@email.com",
  AcceptedMCA: true,
  AgreementDate: "2022-12-28T00:00:00Z",
  KeepPrimaryInformation: true,
  FirstName: "Test",
  LastName: "Test",
  Email: "test@email.com",
  Phone: "921231231",
  DefaultCulture: "en-US",
  Language: "en",
  AssociatedPartnerId: "6234552",
  Qualifications: [],
  EnableGDAP: true,
};

/**
 * A tenant with a csp, two resellers (each with a customer), a direct customer, a stranger with no role,
 * a Microsoft instance and a Portico instance linked to a fresh provider — all uniquely named.
 */
export async function createTestTenant() {
  const db = await getDb();
  const admin = await createTestUser({ role: "admin" });
  const ctx = { db, actor: admin.actor, correlationId: unique("corr") };
  const tenant = await createTenant(ctx, { domain: `${unique("tenant")}.example.test`, name: unique("Tenant") });
  const csp = await createTestUser();
  const resellerA = await createTestUser();
  const resellerB = await createTestUser();
  const stranger = await createTestUser();
  await addTenantMember(ctx, tenant.domain, { user: csp.user.username, role: "csp" });
  const memberA = await addTenantMember(ctx, tenant.domain, { user: resellerA.user.email, role: "reseller" });
  const memberB = await addTenantMember(ctx, tenant.domain, { user: resellerB.user.id, role: "reseller" });
  const customerA = await createCustomer({ ...ctx, actor: resellerA.actor }, tenant.domain, {
    name: unique("Customer A"),
  });
  const customerB = await createCustomer({ ...ctx, actor: resellerB.actor }, tenant.domain, {
    name: unique("Customer B"),
  });
  const direct = await createCustomer(ctx, tenant.domain, { name: unique("Direct") });
  const [provider] = await db
    .insert(providers)
    .values({ id: unique("prov"), name: unique("Provider"), source: "portal" })
    .returning();
  const microsoft = await createProviderInstance(ctx, tenant.domain, {
    name: unique("Microsoft CSP"),
    type: "microsoft",
  });
  const portico = await createProviderInstance(ctx, tenant.domain, {
    name: unique("Portico"),
    type: "portico",
    providerId: provider.id,
  });
  return {
    db,
    ctx,
    tenant,
    admin,
    csp,
    resellerA: { ...resellerA, resellerId: memberA.resellerId! },
    resellerB: { ...resellerB, resellerId: memberB.resellerId! },
    stranger,
    customerA,
    customerB,
    direct,
    provider,
    microsoft,
    portico,
  };
}

export async function addTestLink(
  actor: TestUser,
  tenantDomain: string,
  customerId: string,
  input: CustomerProviderInstanceInput,
) {
  const db = await getDb();
  return addCustomerProviderInstance(
    { db, actor: actor.actor, correlationId: unique("corr") },
    tenantDomain,
    customerId,
    input,
  );
}
