import type { FieldErrors } from "@/lib/errors/app-error";
import { offeringTypeSpec } from "@/lib/offerings/offering-types";
import type { WizardCustomer, WizardData } from "@/lib/offerings/wizard";

/** Everything the wizard will create, before the commit. */
export function WizardReview({
  data,
  customers,
  categories,
  secretKeys,
  errors,
}: {
  data: WizardData;
  customers: WizardCustomer[];
  categories: { id: string; title: string }[];
  secretKeys: string[];
  errors: FieldErrors;
}) {
  const spec = offeringTypeSpec(data.basics.type);
  const options = Object.entries(data.plugin_options).filter(([, v]) => v !== "");
  const remaining = Object.entries(errors);
  return (
    <div className="space-y-5 text-sm">
      {remaining.length > 0 && (
        <ul role="alert" className="list-disc pl-5 text-red-600 dark:text-red-400">
          {remaining.map(([k, v]) => (
            <li key={k}>
              <span className="font-mono">{k}</span>: {v.join(" ")}
            </li>
          ))}
        </ul>
      )}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-500">Name</dt>
        <dd className="font-medium">{data.basics.name}</dd>
        <dt className="text-slate-500">Type</dt>
        <dd>{spec?.label ?? data.basics.type}</dd>
        <dt className="text-slate-500">Organisation</dt>
        <dd>{customers.find((c) => c.id === data.basics.customer)?.name ?? "—"}</dd>
        <dt className="text-slate-500">Provider</dt>
        <dd>
          {customers.find((c) => c.id === data.basics.customer)?.providers.find((p) => p.id === data.basics.provider)
            ?.name ||
            data.basics.provider ||
            "—"}
        </dd>
        <dt className="text-slate-500">Category</dt>
        <dd>{categories.find((c) => c.id === data.basics.category)?.title ?? "—"}</dd>
        <dt className="text-slate-500">Shared</dt>
        <dd>{data.basics.shared ? "yes" : "no"}</dd>
        <dt className="text-slate-500">Description</dt>
        <dd className="whitespace-pre-line">{data.basics.description || "—"}</dd>
      </dl>
      <div>
        <h3 className="mb-1 font-semibold">Components</h3>
        {data.components.length ? (
          <ul className="list-disc pl-5">
            {data.components.map((c) => (
              <li key={c.type}>
                {c.name} <span className="font-mono text-xs">({c.type})</span> — {c.billing_type}, per{" "}
                {c.measured_unit || "unit"}
                {c.limit_period ? `, limit per ${c.limit_period}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">None</p>
        )}
      </div>
      <div>
        <h3 className="mb-1 font-semibold">Plans</h3>
        <ul className="space-y-1">
          {data.plans.map((p, i) => (
            <li key={i}>
              <span className="font-medium">{p.name}</span> ({p.unit.replace("_", " ")}):{" "}
              {data.components
                .map(
                  (c) =>
                    `${c.name || c.type} ${p.prices[c.type] || "0"}${p.quotas[c.type] ? ` (quota ${p.quotas[c.type]})` : ""}`,
                )
                .join(" · ") || "no components"}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="mb-1 font-semibold">Integration options</h3>
        {options.length ? (
          <ul className="font-mono text-xs">
            {options.map(([k, v]) => (
              <li key={k}>
                {k}: {String(v)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">None set</p>
        )}
        {secretKeys.length > 0 && (
          <p className="mt-1 text-xs">Secret options set: {secretKeys.join(", ")} (values hidden)</p>
        )}
      </div>
    </div>
  );
}
