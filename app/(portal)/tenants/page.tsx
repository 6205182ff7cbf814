import Link from "next/link";
import { CreateTenantForm } from "@/components/tenancy/create-tenant-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
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
        {tenants.length === 0 ? (
          <EmptyState title="No tenants yet">
            {actor.role === "admin" ? "Create one above, then give people the csp or reseller role in it." : "Ask a federation admin or a tenant's csp to give you a role in a tenant."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-4">Tenant</th>
                  <th className="py-2 pr-4">Domain (X-Tenant)</th>
                  <th className="py-2 pr-4">Your role</th>
                  <th className="py-2 pr-4 text-right">Customers</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {tenants.map((t) => (
                  <tr key={t.id} data-testid={`tenant-row-${t.domain}`}>
                    <td className="py-2 pr-4 font-medium">
                      <Link className="text-brand-700 hover:underline dark:text-blue-300" href={`/tenants/${encodeURIComponent(t.domain)}`}>
                        {t.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">{t.domain}</td>
                    <td className="py-2 pr-4">
                      <Badge tone={t.role === "csp" ? "blue" : t.role === "reseller" ? "green" : "slate"}>{t.role === "viewer" ? "read only" : t.role}</Badge>
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">{t.customers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
