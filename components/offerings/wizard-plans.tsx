"use client";
import { Button } from "@/components/ui/button";
import { PLAN_UNITS } from "@/lib/offerings/schemas";
import type { WizardComponent, WizardPlan } from "@/lib/offerings/wizard";
import { FieldError, inputClass, invalid, useFocusAfterChange, type StepProps } from "./wizard-fields";

export function WizardPlans({
  value,
  onChange,
  errors,
  components,
}: StepProps<WizardPlan[]> & { components: WizardComponent[] }) {
  const set = (i: number, patch: Partial<WizardPlan>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const focusAfter = useFocusAfterChange();
  return (
    <div className="space-y-4">
      {errors.plans && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.plans.join(" ")}
        </p>
      )}
      {value.map((p, i) => {
        const id = (f: string) => `plans.${i}.${f}`;
        return (
          <fieldset
            key={i}
            className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
            data-testid="plan-row"
          >
            <legend className="px-1 text-xs font-semibold text-slate-500 uppercase">Plan {i + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-[1fr_2fr_10rem_auto] sm:items-start">
              <div>
                <label htmlFor={id("name")} className="block text-xs font-medium">
                  Plan name
                </label>
                <input
                  id={id("name")}
                  className={inputClass}
                  value={p.name}
                  onChange={(e) => set(i, { name: e.target.value })}
                  {...invalid(id("name"), errors[id("name")])}
                />
                <FieldError id={id("name")} errors={errors[id("name")]} />
              </div>
              <div>
                <label htmlFor={id("description")} className="block text-xs font-medium">
                  Description
                </label>
                <input
                  id={id("description")}
                  className={inputClass}
                  value={p.description}
                  onChange={(e) => set(i, { description: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={id("unit")} className="block text-xs font-medium">
                  Billing period
                </label>
                <select
                  id={id("unit")}
                  className={inputClass}
                  value={p.unit}
                  onChange={(e) => set(i, { unit: e.target.value as WizardPlan["unit"] })}
                >
                  {PLAN_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {u.replace("_", " ")}
                    </option>
                  ))}
                </select>
              </div>
              <Button
                type="button"
                variant="ghost"
                className="sm:mt-4"
                aria-label={`Remove plan ${i + 1}`}
                onClick={() => {
                  focusAfter("add-plan");
                  onChange(value.filter((_, j) => j !== i));
                }}
              >
                Remove
              </Button>
            </div>
            {components.length > 0 && (
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-slate-500 uppercase">
                  <tr>
                    <th className="py-1 pr-2">Component</th>
                    <th className="py-1 pr-2">Price per unit</th>
                    <th className="py-1">Included amount (quota)</th>
                  </tr>
                </thead>
                <tbody>
                  {components.map((c) => {
                    const pid = id(`prices.${c.type}`);
                    const qid = id(`quotas.${c.type}`);
                    return (
                      <tr key={c.type}>
                        <td className="py-1 pr-2">
                          {c.name || c.type}{" "}
                          <span className="text-xs text-slate-500">({c.measured_unit || "unit"})</span>
                        </td>
                        <td className="py-1 pr-2">
                          <input
                            id={pid}
                            aria-label={`Price of ${c.name || c.type} in ${p.name || `plan ${i + 1}`}`}
                            inputMode="decimal"
                            placeholder="0"
                            className={inputClass}
                            value={p.prices[c.type] ?? ""}
                            onChange={(e) => set(i, { prices: { ...p.prices, [c.type]: e.target.value } })}
                            {...invalid(pid, errors[pid])}
                          />
                          <FieldError id={pid} errors={errors[pid]} />
                        </td>
                        <td className="py-1">
                          <input
                            id={qid}
                            aria-label={`Quota of ${c.name || c.type} in ${p.name || `plan ${i + 1}`}`}
                            inputMode="numeric"
                            placeholder="0"
                            className={inputClass}
                            value={p.quotas[c.type] ?? ""}
                            onChange={(e) => set(i, { quotas: { ...p.quotas, [c.type]: e.target.value } })}
                            {...invalid(qid, errors[qid])}
                          />
                          <FieldError id={qid} errors={errors[qid]} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </fieldset>
        );
      })}
      <Button
        id="add-plan"
        type="button"
        variant="secondary"
        onClick={() => {
          focusAfter(`plans.${value.length}.name`);
          onChange([...value, { name: "", description: "", unit: "month", prices: {}, quotas: {} }]);
        }}
      >
        Add plan
      </Button>
    </div>
  );
}
