import { notFound } from "next/navigation";
import { AddCustomerInstanceForm } from "@/components/tenancy/add-customer-instance-form";
import { CustomerInstanceCard } from "@/components/tenancy/customer-instance-card";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { currencyMinorUnits, normaliseDecimal } from "@/lib/tenancy/margins";
import { planPricesByInstance } from "@/lib/tenancy/plan-prices";
import { getCustomer, listCustomerProviderInstances, listProviderInstances } from "@/lib/tenancy/queries";
import { orNotFound, pageTenantAccess } from "../../../page-access";

export const metadata = { title: "Customer" };

const parseData = (s: string | null, type: string): Record<string, unknown> | string | null => {
  if (s === null || type !== "microsoft") return s;
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    return s;
  }
};

export default async function CustomerPage({ params }: { params: Promise<{ domain: string; customerId: string }> }) {
  const actor = await requirePageActor();
  const db = await getDb();
  const { domain, customerId } = await params;
  const access = await pageTenantAccess(db, actor, domain);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(customerId)) notFound();
  const customer = await orNotFound(getCustomer(db, access, customerId));
  const [links, instances] = await Promise.all([
    listCustomerProviderInstances(db, customer.id),
    listProviderInstances(db, access.tenant.id),
  ]);
  const prices = await planPricesByInstance(db, instances);
  const currency = config.currency;
  const minorUnits = currencyMinorUnits(currency);
  const linked = new Set(links.map((l) => l.providerInstanceId));
  const available = instances.filter((i) => !linked.has(i.id)).map((i) => ({ id: i.id, name: i.name, type: i.type }));
  const base = `/tenants/${encodeURIComponent(access.tenant.domain)}`;
  const canWrite = access.role !== "viewer";
  return (
    <>
      <PageHeader
        title={customer.name}
        breadcrumbs={[
          { href: "/tenants", label: "Tenants & customers" },
          { href: base, label: access.tenant.domain },
          { href: `${base}/customers/${customer.id}`, label: customer.name },
        ]}
        description={
          <>
            Customer id <code className="break-all">{customer.id}</code>
            {customer.email ? ` · ${customer.email}` : ""}
            {customer.country ? ` · ${customer.country}` : ""}
          </>
        }
      />
      <div className="space-y-6">
        <Card title={`Provider instances (${links.length})`}>
          {links.length === 0 ? (
            <EmptyState title="No provider instances yet">
              {canWrite ? "Add one below with its price margin." : "Nothing to show."}
            </EmptyState>
          ) : (
            <div className="space-y-4">
              {links.map((l) => (
                <CustomerInstanceCard
                  key={l.id}
                  tenant={access.tenant.domain}
                  customerId={customer.id}
                  canWrite={canWrite}
                  currency={currency}
                  minorUnits={minorUnits}
                  prices={prices[l.providerInstanceId] ?? null}
                  link={{
                    providerInstanceId: l.providerInstanceId,
                    name: l.instanceName,
                    type: l.instanceType,
                    providerName: l.providerName,
                    margin: { rule: l.marginRule, value: normaliseDecimal(l.marginValue) },
                    overrides: l.offerTypeMargins,
                    customerData: parseData(l.providerCustomerData, l.instanceType),
                    updatedAt: l.updatedAt.toISOString(),
                  }}
                />
              ))}
            </div>
          )}
        </Card>
        {canWrite && (
          <Card title="Add a provider instance">
            {instances.length === 0 ? (
              <EmptyState title="This tenant has no provider instances">
                A csp configures them on the tenant page.
              </EmptyState>
            ) : (
              <AddCustomerInstanceForm
                tenant={access.tenant.domain}
                customerId={customer.id}
                instances={available}
                pricesByInstance={prices}
                currency={currency}
                minorUnits={minorUnits}
              />
            )}
          </Card>
        )}
      </div>
    </>
  );
}
