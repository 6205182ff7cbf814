import { DataTable, formatNumber } from "@/components/ui/data-table";
import type { OfferingDetails } from "@/lib/offerings/queries";

type Plan = OfferingDetails["plans"][number];

/** Plans by component: price per unit and the included quota. */
export function PlansTable({ details }: { details: OfferingDetails }) {
  return (
    <DataTable
      caption="Plans and their price per component"
      rows={details.plans.filter((p) => !p.archived)}
      rowProps={() => ({ "data-testid": "plan-price-row" })}
      empty="No plans."
      columns={[
        {
          id: "plan",
          header: "Plan",
          cell: (p) => (
            <>
              <span className="font-medium">{p.name}</span>
              {p.description && <span className="block text-xs text-slate-500">{p.description}</span>}
            </>
          ),
        },
        { id: "period", header: "Period", cell: (p) => p.unit.replace("_", " ") },
        ...details.components.map((c) => ({
          id: c.id,
          header: (
            <>
              {c.name} <span className="normal-case">({c.measuredUnit || "unit"})</span>
            </>
          ),
          className: "tabular-nums",
          cell: (p: Plan) => {
            const pc = p.components.find((x) => x.componentId === c.id);
            return (
              <>
                {formatNumber(Number(pc?.price ?? "0"), { minimumFractionDigits: 2, maximumFractionDigits: 6 })}
                {pc?.amount ? <span className="block text-xs text-slate-500">{pc.amount} included</span> : null}
              </>
            );
          },
        })),
      ]}
    />
  );
}
