import { AccountingForm } from "@/components/accounting/accounting-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listProjects } from "@/lib/accounting/projects";
import { listTypes, METRIC_TYPES, UNIT_TYPES, type TypeRow } from "@/lib/accounting/type-registries";
import { listMetricDefinitions, projectTrees } from "@/lib/accounting/queries";
import { manageableInstallations, manageableProviders } from "@/lib/accounting/portal-queries";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import {
  associateProviderAction,
  createCapacityAction,
  createInstallationAction,
  createMetricDefinitionAction,
  registerProjectAction,
} from "./actions";

export const metadata = { title: "Accounting setup" };

export default async function AccountingSetupPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [metrics, projects, providers, installations, units, kinds] = await Promise.all([
    listMetricDefinitions(db, 1, 100),
    listProjects(db, 1, 100),
    manageableProviders(db, actor),
    manageableInstallations(db, actor),
    listTypes(db, UNIT_TYPES, 1, 100),
    listTypes(db, METRIC_TYPES, 1, 100),
  ]);
  // A metric names a registered unit type and metric type (ARGO's registries, /accounting-system/unit-types).
  const typeOptions = (rows: TypeRow[]) =>
    rows.map((t) => ({
      value: t.name,
      label: t.description && t.description !== t.name ? `${t.name} — ${t.description}` : t.name,
    }));
  const trees = await projectTrees(db, projects.rows);
  const metricOptions = metrics.rows.map((m) => ({ value: m.id, label: `${m.metricName} (${m.unitType})` }));
  const projectOptions = projects.rows.map((p) => ({
    value: p.id,
    label: `${p.id}${p.acronym ? ` · ${p.acronym}` : ""}`,
  }));
  const providerOptions = providers.map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }));
  return (
    <>
      <PageHeader
        title="Accounting setup"
        breadcrumbs={[{ href: "/usage", label: "Usage reports" }]}
        description="Metric definitions, projects, provider associations, installations and capacities: the same resources the ARGO API manages under /accounting-system."
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Projects">
          <ul className="mb-4 divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {trees.map((t) => (
              <li key={t.project.id} className="py-2">
                <span className="font-medium">{t.project.id}</span> {t.project.acronym && `· ${t.project.acronym}`}{" "}
                <span className="text-slate-500">{t.project.title}</span>
                <span className="block text-xs text-slate-500">
                  Providers:{" "}
                  {t.providers.map((p) => `${p.provider.id} (${p.installations.length} installations)`).join(", ") ||
                    "none yet"}
                </span>
              </li>
            ))}
          </ul>
          {actor.role === "admin" && (
            <details className="mb-4">
              <summary className="cursor-pointer text-sm font-medium">Register a project</summary>
              <div className="mt-3">
                <AccountingForm
                  action={registerProjectAction}
                  submit="Register project"
                  fields={[
                    { name: "id", label: "Project id (grant number)", required: true },
                    { name: "acronym", label: "Acronym" },
                    { name: "title", label: "Title" },
                    { name: "call_identifier", label: "Call identifier" },
                    { name: "start_date", label: "Start date", type: "date" },
                    { name: "end_date", label: "End date", type: "date" },
                  ]}
                />
              </div>
            </details>
          )}
          <details>
            <summary className="cursor-pointer text-sm font-medium">Associate a provider with a project</summary>
            <div className="mt-3">
              <AccountingForm
                action={associateProviderAction}
                submit="Associate"
                fields={[
                  { name: "project", label: "Project", type: "select", options: projectOptions, required: true },
                  { name: "provider", label: "Provider", type: "select", options: providerOptions, required: true },
                ]}
              />
            </div>
          </details>
        </Card>
        <Card title="Metric definitions">
          <ul className="mb-4 divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {metrics.rows.map((m) => (
              <li key={m.id} className="py-2">
                <span className="font-medium">{m.metricName}</span> · {m.unitType} · {m.metricType}{" "}
                <span className="block font-mono text-xs text-slate-500">{m.id}</span>
              </li>
            ))}
          </ul>
          <details>
            <summary className="cursor-pointer text-sm font-medium">Define a metric</summary>
            <div className="mt-3">
              <AccountingForm
                action={createMetricDefinitionAction}
                submit="Create metric definition"
                fields={[
                  { name: "metric_name", label: "Name", required: true },
                  {
                    name: "unit_type",
                    label: "Unit",
                    type: "select",
                    options: typeOptions(units.rows),
                    required: true,
                  },
                  {
                    name: "metric_type",
                    label: "Type",
                    type: "select",
                    options: typeOptions(kinds.rows),
                    required: true,
                  },
                  { name: "metric_description", label: "Description" },
                ]}
              />
            </div>
          </details>
        </Card>
        <Card title="New installation">
          <AccountingForm
            action={createInstallationAction}
            submit="Create installation"
            fields={[
              { name: "project", label: "Project", type: "select", options: projectOptions, required: true },
              { name: "organisation", label: "Provider", type: "select", options: providerOptions, required: true },
              { name: "infrastructure", label: "Infrastructure", required: true },
              { name: "installation", label: "Installation name", required: true },
              { name: "resource", label: "Resource" },
              { name: "external_id", label: "External id" },
              {
                name: "unit_of_access",
                label: "Unit of access",
                type: "select",
                options: metricOptions,
                required: true,
              },
            ]}
          />
        </Card>
        <Card title="Capacities">
          <ul className="mb-4 divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {installations.map((i) => (
              <li key={i.id} className="py-2">
                <span className="font-medium">{i.label}</span>
                <span className="block text-xs text-slate-500">
                  {i.capacities.map((c) => `${c.value} ${c.unit} from ${c.registeredOn}`).join(" · ") ||
                    "no capacity registered"}
                </span>
              </li>
            ))}
          </ul>
          <AccountingForm
            action={createCapacityAction}
            submit="Register capacity"
            fields={[
              {
                name: "installation",
                label: "Installation",
                type: "select",
                options: installations.map((i) => ({ value: i.id, label: i.label })),
                required: true,
              },
              { name: "metric_definition_id", label: "Metric", type: "select", options: metricOptions, required: true },
              { name: "value", label: "Capacity", type: "number", required: true },
              { name: "registered_on", label: "Valid from (UTC day)", type: "date", required: true },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
