"use client";
import { Button } from "@/components/ui/button";
import { BILLING_TYPES, LIMIT_PERIODS } from "@/lib/offerings/schemas";
import type { WizardComponent } from "@/lib/offerings/wizard";
import { FieldError, inputClass, invalid, useFocusAfterChange, type StepProps } from "./wizard-fields";

const BILLING_LABELS: Record<string, string> = {
  usage: "Usage (metered)",
  fixed: "Fixed (per period)",
  one: "One-time",
  few: "On plan switch",
  limit: "Limit (ordered amount)",
};

export function WizardComponents({ value, onChange, errors }: StepProps<WizardComponent[]>) {
  const set = (i: number, patch: Partial<WizardComponent>) =>
    onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const focusAfter = useFocusAfterChange();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        What the offering is billed by. The type is the key plans and usage reports refer to (e.g. node_hours).
      </p>
      {value.map((c, i) => {
        const id = (f: string) => `components.${i}.${f}`;
        return (
          <fieldset
            key={i}
            className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_1fr_1fr_1fr_auto] sm:items-start dark:border-slate-700"
            data-testid="component-row"
          >
            <legend className="px-1 text-xs font-semibold text-slate-500 uppercase">Component {i + 1}</legend>
            {(["type", "name", "measured_unit"] as const).map((f) => (
              <div key={f}>
                <label htmlFor={id(f)} className="block text-xs font-medium">
                  {f === "type" ? "Type (key)" : f === "name" ? "Name" : "Unit"}
                </label>
                <input
                  id={id(f)}
                  className={inputClass}
                  value={c[f]}
                  onChange={(e) => set(i, { [f]: e.target.value })}
                  {...invalid(id(f), errors[id(f)])}
                />
                <FieldError id={id(f)} errors={errors[id(f)]} />
              </div>
            ))}
            <div>
              <label htmlFor={id("billing_type")} className="block text-xs font-medium">
                Billing type
              </label>
              <select
                id={id("billing_type")}
                className={inputClass}
                value={c.billing_type}
                onChange={(e) => set(i, { billing_type: e.target.value as WizardComponent["billing_type"] })}
                {...invalid(id("billing_type"), errors[id("billing_type")])}
              >
                {BILLING_TYPES.map((b) => (
                  <option key={b} value={b}>
                    {BILLING_LABELS[b]}
                  </option>
                ))}
              </select>
              <FieldError id={id("billing_type")} errors={errors[id("billing_type")]} />
            </div>
            <div>
              <label htmlFor={id("limit_period")} className="block text-xs font-medium">
                Limit period
              </label>
              <select
                id={id("limit_period")}
                className={inputClass}
                value={c.limit_period}
                onChange={(e) => set(i, { limit_period: e.target.value as WizardComponent["limit_period"] })}
              >
                <option value="">none</option>
                {LIMIT_PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
            <Button
              type="button"
              variant="ghost"
              className="sm:mt-4"
              aria-label={`Remove component ${i + 1}`}
              onClick={() => {
                focusAfter("add-component");
                onChange(value.filter((_, j) => j !== i));
              }}
            >
              Remove
            </Button>
          </fieldset>
        );
      })}
      <Button
        id="add-component"
        type="button"
        variant="secondary"
        onClick={() => {
          focusAfter(`components.${value.length}.type`);
          onChange([...value, { type: "", name: "", measured_unit: "", billing_type: "usage", limit_period: "" }]);
        }}
      >
        Add component
      </Button>
    </div>
  );
}
