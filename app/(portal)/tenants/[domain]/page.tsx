import Link from "next/link";
import { AddMemberForm } from "@/components/tenancy/add-member-form";
import { CreateCustomerForm } from "@/components/tenancy/create-customer-form";
import { CreateProviderInstanceForm } from "@/components/tenancy/create-provider-instance-form";
import { RemoveMemberButton } from "@/components/tenancy/remove-member-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { listCustomers, listLinkableProviders, listProviderInstances, listResellers, listTenantMembers } from "@/lib/tenancy/queries";
import { pageTenantAccess } from "../page-access";

export const metadata = { title: "Tenant" };

const input = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";

export default async function TenantPage({ params, searchParams }: { params: Promise<{ domain: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const db = await getDb();
  const access = await pageTenantAccess(db, actor, (await params).domain);
  const { q = "", reseller = "" } = await searchParams;
  const { tenant, role } = access;
  const [allCustomers, instances, resellers, members, providers] = await Promise.all([
    listCustomers(db, access, { resellerId: /^[0-9a-f-]{36}$/i.test(reseller) ? reseller : null }),
    listProviderInstances(db, tenant.id),
    listResellers(db, access),
    role === "reseller" ? Promise.resolve([]) : listTenantMembers(db, tenant.id),
    role === "csp" ? listLinkableProviders(db) : Promise.resolve([]),
  ]);
  const needle = q.trim().toLowerCase();
  const customers = needle ? allCustomers.filter((c) => [c.name, c.email, c.resellerName ?? ""].some((s) => s.toLowerCase().includes(needle))) : allCustomers;
  const base = `/tenants/${encodeURIComponent(tenant.domain)}`;
  const canWrite = role !== "viewer";
  return (
    <>
      <PageHeader
        title={tenant.name}
        breadcrumbs={[{ href: "/tenants", label: "Tenants & customers" }, { href: base, label: tenant.domain }]}
        description={
          <>
            X-Tenant: <code>{tenant.domain}</code> · your role: <Badge tone={role === "csp" ? "blue" : role === "reseller" ? "green" : "slate"}>{role === "viewer" ? "read only" : role}</Badge>
          </>
        }
      />
      <div className="space-y-6">
        <Card
          title={`Customers (${customers.length})`}
          actions={<CsvButton rows={customers.map((c) => ({ id: c.id, name: c.name, email: c.email, country: c.country, reseller: c.resellerName ?? "", providerInstances: c.providerInstances }))} columns={["id", "name", "email", "country", "reseller", "providerInstances"]} filename={`${tenant.domain}-customers.csv`} />}
        >
          <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
            <label className="sr-only" htmlFor="q">Search customers</label>
            <input id="q" name="q" defaultValue={q} placeholder="Search name, email, reseller" className={`${input} min-w-56 flex-1`} />
            {role !== "reseller" && (
              <>
                <label className="sr-only" htmlFor="f-reseller">Reseller</label>
                <select id="f-reseller" name="reseller" defaultValue={reseller} className={input}>
                  <option value="">All resellers</option>
                  {resellers.map((r) => (
                    <option key={r.id} value={r.id}>{r.name}</option>
                  ))}
                </select>
              </>
            )}
            <button className="rounded-md bg-slate-800 px-3 py-2 text-sm text-white dark:bg-slate-200 dark:text-slate-900">Filter</button>
          </form>
          {customers.length === 0 ? (
            <EmptyState title={allCustomers.length ? "No customer matches" : "No customers yet"}>{allCustomers.length ? "Change the search or the reseller filter." : canWrite ? "Add the first one below." : "Nothing to show."}</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2 pr-4">Customer</th>
                    <th className="py-2 pr-4">Reseller</th>
                    <th className="py-2 pr-4">Country</th>
                    <th className="py-2 pr-4 text-right">Provider instances</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                  {customers.map((c) => (
                    <tr key={c.id} data-testid="customer-row">
                      <td className="py-2 pr-4">
                        <Link className="font-medium text-brand-700 hover:underline dark:text-blue-300" href={`${base}/customers/${c.id}`}>{c.name}</Link>
                        {c.email && <div className="text-xs text-slate-500">{c.email}</div>}
                      </td>
                      <td className="py-2 pr-4">{c.resellerName ?? <span className="text-slate-500">direct</span>}</td>
                      <td className="py-2 pr-4">{c.country || "—"}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{c.providerInstances}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canWrite && (
            <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800">
              <h3 className="mb-3 text-sm font-semibold">New customer</h3>
              <CreateCustomerForm tenant={tenant.domain} resellers={role === "csp" ? resellers.map((r) => ({ id: r.id, name: r.name })) : null} />
            </div>
          )}
        </Card>

        <Card title={`Provider instances (${instances.length})`}>
          {instances.length === 0 ? (
            <EmptyState title="No provider instances yet">{role === "csp" ? "Configure one below: a Microsoft CSP instance, or one of the providers registered in Portico." : "A csp of this tenant configures them."}</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2 pr-4">Instance</th>
                    <th className="py-2 pr-4">Type</th>
                    <th className="py-2 pr-4">Provider</th>
                    <th className="py-2 pr-4">Id</th>
                    <th className="py-2 pr-4 text-right">Customers</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                  {instances.map((i) => (
                    <tr key={i.id} data-testid="instance-row">
                      <td className="py-2 pr-4 font-medium">{i.name}</td>
                      <td className="py-2 pr-4"><Badge tone={i.type === "portico" ? "blue" : "slate"}>{i.type}</Badge></td>
                      <td className="py-2 pr-4">{i.type === "portico" ? `${i.providerName || i.providerId} (Portico)` : "external"}</td>
                      <td className="py-2 pr-4 font-mono text-xs">{i.id}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{i.customers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {role === "csp" && (
            <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800">
              <h3 className="mb-3 text-sm font-semibold">New provider instance</h3>
              <CreateProviderInstanceForm tenant={tenant.domain} providers={providers} />
            </div>
          )}
        </Card>

        {role !== "reseller" && (
          <Card title={`Members and resellers (${members.length})`}>
            {members.length === 0 ? (
              <EmptyState title="No members yet">{role === "csp" ? "Give someone the csp or reseller role below." : "Nothing to show."}</EmptyState>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead className="text-xs uppercase text-slate-500">
                    <tr>
                      <th className="py-2 pr-4">User</th>
                      <th className="py-2 pr-4">Role</th>
                      <th className="py-2 pr-4">Reseller</th>
                      {role === "csp" && <th className="py-2" />}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {members.map((m) => (
                      <tr key={m.userId} data-testid={`member-row-${m.username}`}>
                        <td className="py-2 pr-4">
                          <div className="font-medium">{m.name || m.username}</div>
                          <div className="text-xs text-slate-500">{m.username} · {m.email}</div>
                        </td>
                        <td className="py-2 pr-4"><Badge tone={m.role === "csp" ? "blue" : "green"}>{m.role}</Badge></td>
                        <td className="py-2 pr-4">{m.resellerName ?? "—"}</td>
                        {role === "csp" && (
                          <td className="py-2 text-right">
                            <RemoveMemberButton tenant={tenant.domain} userId={m.userId} username={m.username} />
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {role === "csp" && (
              <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800">
                <h3 className="mb-3 text-sm font-semibold">Give a user a role</h3>
                <AddMemberForm tenant={tenant.domain} resellers={resellers.map((r) => ({ id: r.id, name: r.name }))} />
              </div>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
