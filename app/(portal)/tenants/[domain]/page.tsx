import Link from "next/link";
import { AddMemberForm } from "@/components/tenancy/add-member-form";
import { CreateCustomerForm } from "@/components/tenancy/create-customer-form";
import { CreateProviderInstanceForm } from "@/components/tenancy/create-provider-instance-form";
import { RemoveMemberButton } from "@/components/tenancy/remove-member-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import {
  listCustomers,
  listLinkableProviders,
  listProviderInstances,
  listResellers,
  listTenantMembers,
} from "@/lib/tenancy/queries";
import { pageTenantAccess } from "../page-access";

export const metadata = { title: "Tenant" };

const input = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";

export default async function TenantPage({
  params,
  searchParams,
}: {
  params: Promise<{ domain: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const db = await getDb();
  const access = await pageTenantAccess(db, actor, (await params).domain);
  const { q = "", reseller = "" } = await searchParams;
  const { tenant, role } = access;
  const [allCustomers, instances, resellers, members, providers] = await Promise.all([
    listCustomers(db, access, { resellerId: /^[0-9a-f-]{36}$/i.test(reseller) ? reseller : null }),
    listProviderInstances(db, tenant.id, access.resellerId),
    listResellers(db, access),
    role === "reseller" ? Promise.resolve([]) : listTenantMembers(db, tenant.id),
    role === "csp" ? listLinkableProviders(db) : Promise.resolve([]),
  ]);
  const needle = q.trim().toLowerCase();
  const customers = needle
    ? allCustomers.filter((c) => [c.name, c.email, c.resellerName ?? ""].some((s) => s.toLowerCase().includes(needle)))
    : allCustomers;
  const base = `/tenants/${encodeURIComponent(tenant.domain)}`;
  const canWrite = role !== "viewer";
  return (
    <>
      <PageHeader
        title={tenant.name}
        breadcrumbs={[
          { href: "/tenants", label: "Tenants & customers" },
          { href: base, label: tenant.domain },
        ]}
        description={
          <>
            X-Tenant: <code>{tenant.domain}</code> · your role:{" "}
            <Badge tone={role === "csp" ? "blue" : role === "reseller" ? "green" : "slate"}>
              {role === "viewer" ? "read only" : role}
            </Badge>
          </>
        }
      />
      <div className="space-y-6">
        <Card
          title={`Customers (${customers.length})`}
          actions={
            <CsvButton
              rows={customers.map((c) => ({
                id: c.id,
                name: c.name,
                email: c.email,
                country: c.country,
                reseller: c.resellerName ?? "",
                providerInstances: c.providerInstances,
              }))}
              columns={["id", "name", "email", "country", "reseller", "providerInstances"]}
              filename={`${tenant.domain}-customers.csv`}
            />
          }
        >
          <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
            <label className="sr-only" htmlFor="q">
              Search customers
            </label>
            <input
              id="q"
              name="q"
              defaultValue={q}
              placeholder="Search name, email, reseller"
              className={`${input} min-w-56 flex-1`}
            />
            {role !== "reseller" && (
              <>
                <label className="sr-only" htmlFor="f-reseller">
                  Reseller
                </label>
                <select id="f-reseller" name="reseller" defaultValue={reseller} className={input}>
                  <option value="">All resellers</option>
                  {resellers.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button className="rounded-md bg-slate-800 px-3 py-2 text-sm text-white dark:bg-slate-200 dark:text-slate-900">
              Filter
            </button>
          </form>
          <DataTable
            caption={`Customers of ${tenant.name}`}
            rows={customers}
            rowProps={() => ({ "data-testid": "customer-row" })}
            empty={
              <EmptyState title={allCustomers.length ? "No customer matches" : "No customers yet"}>
                {allCustomers.length
                  ? "Change the search or the reseller filter."
                  : canWrite
                    ? "Add the first one below."
                    : "Nothing to show."}
              </EmptyState>
            }
            columns={[
              {
                id: "customer",
                header: "Customer",
                cell: (c) => (
                  <>
                    <Link
                      className="font-medium text-brand-700 hover:underline dark:text-blue-300"
                      href={`${base}/customers/${c.id}`}
                    >
                      {c.name}
                    </Link>
                    {c.email && <div className="text-xs text-slate-500">{c.email}</div>}
                  </>
                ),
              },
              {
                id: "reseller",
                header: "Reseller",
                cell: (c) => c.resellerName ?? <span className="text-slate-500">direct</span>,
              },
              { id: "country", header: "Country", cell: (c) => c.country || "—" },
              { id: "instances", header: "Provider instances", numeric: true, cell: (c) => c.providerInstances },
            ]}
          />
          {canWrite && (
            <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800">
              <h3 className="mb-3 text-sm font-semibold">New customer</h3>
              <CreateCustomerForm
                tenant={tenant.domain}
                resellers={role === "csp" ? resellers.map((r) => ({ id: r.id, name: r.name })) : null}
              />
            </div>
          )}
        </Card>

        <Card title={`Provider instances (${instances.length})`}>
          <DataTable
            caption={`Provider instances of ${tenant.name}`}
            rows={instances}
            rowProps={() => ({ "data-testid": "instance-row" })}
            empty={
              <EmptyState title="No provider instances yet">
                {role === "csp"
                  ? "Configure one below: a Microsoft CSP instance, or one of the providers registered in Portico."
                  : "A csp of this tenant configures them."}
              </EmptyState>
            }
            columns={[
              { id: "instance", header: "Instance", className: "font-medium", cell: (i) => i.name },
              {
                id: "type",
                header: "Type",
                cell: (i) => <Badge tone={i.type === "portico" ? "blue" : "slate"}>{i.type}</Badge>,
              },
              {
                id: "provider",
                header: "Provider",
                cell: (i) => (i.type === "portico" ? `${i.providerName || i.providerId} (Portico)` : "external"),
              },
              { id: "id", header: "Id", className: "font-mono text-xs", cell: (i) => i.id },
              { id: "customers", header: "Customers", numeric: true, cell: (i) => i.customers },
            ]}
          />
          {role === "csp" && (
            <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800">
              <h3 className="mb-3 text-sm font-semibold">New provider instance</h3>
              <CreateProviderInstanceForm tenant={tenant.domain} providers={providers} />
            </div>
          )}
        </Card>

        {role !== "reseller" && (
          <Card title={`Members and resellers (${members.length})`}>
            <DataTable
              caption={`Members and resellers of ${tenant.name}`}
              rows={members}
              rowKey={(m) => m.userId}
              rowProps={(m) => ({ "data-testid": `member-row-${m.username}` })}
              empty={
                <EmptyState title="No members yet">
                  {role === "csp" ? "Give someone the csp or reseller role below." : "Nothing to show."}
                </EmptyState>
              }
              columns={[
                {
                  id: "user",
                  header: "User",
                  cell: (m) => (
                    <>
                      <div className="font-medium">{m.name || m.username}</div>
                      <div className="text-xs text-slate-500">
                        {m.username} · {m.email}
                      </div>
                    </>
                  ),
                },
                {
                  id: "role",
                  header: "Role",
                  cell: (m) => <Badge tone={m.role === "csp" ? "blue" : "green"}>{m.role}</Badge>,
                },
                { id: "reseller", header: "Reseller", cell: (m) => m.resellerName ?? "—" },
                role === "csp" && {
                  id: "actions",
                  header: <span className="sr-only">Actions</span>,
                  align: "right",
                  cell: (m) => <RemoveMemberButton tenant={tenant.domain} userId={m.userId} username={m.username} />,
                },
              ]}
            />
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
