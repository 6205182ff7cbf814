import type { OfferingDetails } from "@/lib/offerings/queries";

const money = (s: string) => {
  const n = Number(s);
  return n.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 6 });
};

/** Plans by component: price per unit and the included quota. */
export function PlansTable({ details }: { details: OfferingDetails }) {
  const plans = details.plans.filter((p) => !p.archived);
  if (!plans.length) return <p className="text-sm text-slate-500">No plans.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4">Plan</th>
            <th className="py-2 pr-4">Period</th>
            {details.components.map((c) => (
              <th key={c.id} className="py-2 pr-4">
                {c.name} <span className="normal-case">({c.measuredUnit || "unit"})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {plans.map((p) => (
            <tr key={p.id} data-testid="plan-price-row">
              <td className="py-2 pr-4">
                <span className="font-medium">{p.name}</span>
                {p.description && <span className="block text-xs text-slate-500">{p.description}</span>}
              </td>
              <td className="py-2 pr-4">{p.unit.replace("_", " ")}</td>
              {details.components.map((c) => {
                const pc = p.components.find((x) => x.componentId === c.id);
                return (
                  <td key={c.id} className="py-2 pr-4 tabular-nums">
                    {money(pc?.price ?? "0")}
                    {pc?.amount ? <span className="block text-xs text-slate-500">{pc.amount} included</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
