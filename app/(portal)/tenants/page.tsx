import Link from "next/link";
import { CreateTenantForm } from "@/components/tenancy/create-tenant-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { listTenantsFor } from "@/lib/tenancy/queries";

export const metadata = { title: "Tenants & customers" };

export default async function TenantsPage() {
  const actor = await requirePageActor();
  const tenants = await listTenantsFor(await getDb(), actor);
  return (
    <>
      <PageHeader
        title="Tenants & customers"
        description="A tenant is a CSP's space, named by its domain (the X-Tenant header of the /v1/ API). Its csps and resellers manage customers and the provider instances they buy, with price margins."
      />
      {actor.role === "admin" && (
        <Card title="New tenant" className="mb-6">
          <CreateTenantForm />
        </Card>
      )}
      <Card title={`Your tenants (${tenants.length})`}>
        <DataTable
          caption="Tenants you have a role in"
          rows={tenants}
          rowProps={(t) => ({ "data-testid": `tenant-row-${t.domain}` })}
          empty={
            <EmptyState title="No tenants yet">
              {actor.role === "admin"
                ? "Create one above, then give people the csp or reseller role in it."
                : "Ask a federation admin or a tenant's csp to give you a role in a tenant."}
            </EmptyState>
          }
          columns={[
            {
              id: "tenant",
              header: "Tenant",
              className: "font-medium",
              cell: (t) => (
                <Link
                  className="text-brand-700 hover:underline dark:text-blue-300"
                  href={`/tenants/${encodeURIComponent(t.domain)}`}
                >
                  {t.name}
                </Link>
              ),
            },
            { id: "domain", header: "Domain (X-Tenant)", className: "font-mono text-xs", cell: (t) => t.domain },
            {
              id: "role",
              header: "Your role",
              cell: (t) => (
                <Badge tone={t.role === "csp" ? "blue" : t.role === "reseller" ? "green" : "slate"}>
                  {t.role === "viewer" ? "read only" : t.role}
                </Badge>
              ),
            },
            { id: "customers", header: "Customers", numeric: true, cell: (t) => t.customers },
          ]}
        />
      </Card>
    </>
  );
}
