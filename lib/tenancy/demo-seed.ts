import { asc, inArray, isNotNull, sql } from "drizzle-orm";
import {
  customerProviderInstances,
  providerInstances,
  providers,
  resellers,
  tenantCustomers,
  tenantMembers,
  tenants,
  users,
} from "@/drizzle/schema";
import type { Tx } from "@/lib/db/client";

const MICROSOFT_DEMO = {
  Domain: "FabrikamDemo",
  CredentialsEmail: "it@fabrikam.example.com",
  AcceptedMCA: true,
  AgreementDate: "2026-01-15T00:00:00Z",
  KeepPrimaryInformation: true,
  FirstName: "Fiona",
  LastName: "Fabrikam",
  Email: "fiona@fabrikam.example.com",
  Phone: "4512345678",
  DefaultCulture: "en-GB",
  Language: "en",
  AssociatedPartnerId: "6234552",
  Qualifications: [],
  EnableGDAP: true,
};

/** Demo tenant: the provider admin is its csp, the member a reseller; two customers, a Microsoft instance with margins. */
export async function seedTenancyDemo(tx: Tx): Promise<void> {
  const people = await tx
    .select()
    .from(users)
    .where(inArray(users.username, ["provider", "member", "admin"]));
  const id = (u: string) => people.find((p) => p.username === u)?.id ?? null;
  const [tenant] = await tx
    .insert(tenants)
    .values({ domain: "demo-csp.portico.local", name: "Demo CSP", createdBy: id("admin") })
    .onConflictDoNothing()
    .returning();
  if (!tenant) return;
  const [reseller] = await tx.insert(resellers).values({ tenantId: tenant.id, name: "Alpine Reseller" }).returning();
  const members = [
    id("provider") && { tenantId: tenant.id, userId: id("provider")!, role: "csp" as const, resellerId: null },
    id("member") && { tenantId: tenant.id, userId: id("member")!, role: "reseller" as const, resellerId: reseller.id },
  ].filter((m) => !!m);
  if (members.length) await tx.insert(tenantMembers).values(members);
  const [fabrikam, tailspin] = await tx
    .insert(tenantCustomers)
    .values([
      { tenantId: tenant.id, name: "Fabrikam Ltd", email: "it@fabrikam.example.com", country: "GB" },
      {
        tenantId: tenant.id,
        resellerId: reseller.id,
        name: "Tailspin Toys",
        email: "ops@tailspin.example.com",
        country: "CH",
      },
    ])
    .returning();
  const [microsoft] = await tx
    .insert(providerInstances)
    .values({ tenantId: tenant.id, name: "Microsoft CSP (EU)", type: "microsoft" })
    .returning();
  // The accounting demo's Nordic Compute Centre HPC (or another provider of an organisation): it sells the HPC cluster.
  const [firstProvider] = await tx
    .select({ pk: providers.pk, name: providers.name })
    .from(providers)
    .where(isNotNull(providers.organisationId))
    .orderBy(sql`${providers.id} <> 'ncc-hpc'`, asc(providers.resourceNumber))
    .limit(1);
  const [portico] = firstProvider
    ? await tx
        .insert(providerInstances)
        .values({
          tenantId: tenant.id,
          name: `${firstProvider.name || "Portico provider"} (Portico)`,
          type: "portico",
          providerPk: firstProvider.pk,
        })
        .returning()
    : [];
  await tx.insert(customerProviderInstances).values({
    tenantId: tenant.id,
    customerId: fabrikam.id,
    providerInstanceId: microsoft.id,
    providerCustomerData: JSON.stringify(MICROSOFT_DEMO),
    marginRule: "markup",
    marginValue: "15",
    offerTypeMargins: { license: { rule: "margin", value: "20" } },
    createdBy: id("provider"),
  });
  if (portico)
    await tx.insert(customerProviderInstances).values({
      tenantId: tenant.id,
      customerId: tailspin.id,
      providerInstanceId: portico.id,
      resellerId: reseller.id,
      marginRule: "markup",
      marginValue: "10",
      offerTypeMargins: {},
      createdBy: id("member"),
    });
}
