import Link from "next/link";
import { OrderDecision } from "@/components/orders/order-decision";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { providerOfferingIds } from "@/lib/marketplace/access";
import { listOrders, type OrderDetails } from "@/lib/marketplace/order-queries";
import { listResources } from "@/lib/marketplace/resource-queries";
import { billingPeriodOf } from "@/lib/marketplace/usage-period";
import { usagesInPeriod } from "@/lib/marketplace/usage-queries";

export const metadata = { title: "Orders" };

const PAGE_SIZE = 25;
const TONE: Record<string, "slate" | "green" | "red" | "amber" | "blue"> = {
  "pending-provider": "amber",
  executing: "blue",
  done: "green",
  erred: "red",
  rejected: "red",
  canceled: "slate",
};

// Orders the person can see: their projects' (as consumer) and their offerings' (as provider, pending first, with
// approve and reject for the offerings they manage).
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const page = Math.max(1, Number(raw.page) || 1);
  const db = await getDb();
  const { rows, total } = await listOrders(
    db,
    actor,
    { ordering: ["state", "-created"] },
    { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  );
  const managed = await providerOfferingIds(db, actor);
  const resources = await listResources(db, actor, { ordering: ["-created"] }, { limit: 50, offset: 0 });
  const period = billingPeriodOf(new Date());
  const usages = await usagesInPeriod(
    db,
    resources.rows.map((r) => r.resource.id),
    period,
  );
  const manages = (d: OrderDetails) => managed === null || managed.includes(d.offering.id);
  return (
    <>
      <PageHeader
        title="Orders"
        description="Orders for your projects and for the offerings you provide; pending orders first. Order from the public catalogue; an offering's managers (and its site agent over the Waldur API) approve or reject."
      />
      <Card>
        <DataTable
          caption="Orders, pending first"
          rows={rows}
          rowKey={(d) => d.order.id}
          rowProps={(d) => ({ "data-testid": "order-row", "data-state": d.order.state })}
          empty={
            <p className="text-sm text-slate-500">
              No orders yet. Browse the{" "}
              <Link href="/catalogue" className="underline">
                public catalogue
              </Link>{" "}
              to order.
            </p>
          }
          columns={[
            {
              id: "resource",
              header: "Resource",
              rowHeader: true,
              cell: (d) => (
                <>
                  <span className="font-medium">{d.order.resourceName}</span>
                  <span className="block text-xs text-slate-500">{d.order.type}</span>
                </>
              ),
            },
            {
              id: "offering",
              header: "Offering · plan",
              cell: (d) => (
                <>
                  <Link href={`/catalogue/${d.offering.id.replace(/-/g, "")}`} className="underline">
                    {d.offering.name}
                  </Link>
                  {d.plan && <span className="block text-xs text-slate-500">{d.plan.name}</span>}
                </>
              ),
            },
            {
              id: "project",
              header: "Project",
              cell: (d) => (
                <>
                  {d.project.acronym || d.project.title || d.project.id}
                  {d.customer && <span className="block text-xs text-slate-500">{d.customer.name}</span>}
                </>
              ),
            },
            {
              id: "limits",
              header: "Limits",
              cell: (d) =>
                Object.entries(d.order.limits)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(", ") || "—",
            },
            {
              id: "state",
              header: "State",
              cell: (d) => (
                <>
                  <Badge tone={TONE[d.order.state] ?? "slate"}>{d.order.state}</Badge>
                  {d.order.terminationComment && (
                    <span className="block text-xs text-slate-500">Reason: {d.order.terminationComment}</span>
                  )}
                  {d.order.errorMessage && <span className="block text-xs text-red-600">{d.order.errorMessage}</span>}
                </>
              ),
            },
            {
              id: "placed",
              header: "Placed",
              cell: (d) => (
                <>
                  {d.createdBy?.name || d.createdBy?.username || "—"}
                  <span className="block text-xs text-slate-500">
                    {d.order.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                  </span>
                </>
              ),
            },
            {
              id: "actions",
              header: <span className="sr-only">Decision</span>,
              align: "right",
              cell: (d) =>
                d.order.state === "pending-provider" && manages(d) ? (
                  <OrderDecision id={d.order.id} name={d.order.resourceName} />
                ) : null,
            },
          ]}
        />
        <Pager page={page} size={PAGE_SIZE} total={total} basePath="/orders" params={{}} />
      </Card>
      <Card title={`Resources and their usage in ${period.slice(0, 7)}`} className="mt-6">
        <DataTable
          caption="Resources from orders, with this month's usage per component"
          rows={resources.rows}
          rowKey={(r) => r.resource.id}
          rowProps={() => ({ "data-testid": "resource-row" })}
          empty="No resources yet: an approved order makes one."
          columns={[
            { id: "name", header: "Resource", rowHeader: true, cell: (r) => r.installation.installation },
            { id: "offering", header: "Offering", cell: (r) => r.offering.name },
            { id: "project", header: "Project", cell: (r) => r.project.acronym || r.project.title || r.project.id },
            { id: "state", header: "State", cell: (r) => <Badge>{r.resource.state}</Badge> },
            { id: "backend", header: "Site id", cell: (r) => r.resource.backendId || "—" },
            {
              id: "usage",
              header: "Usage this month",
              cell: (r) =>
                Object.entries(usages.get(r.resource.id) ?? {})
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(", ") || "—",
            },
          ]}
        />
      </Card>
    </>
  );
}
