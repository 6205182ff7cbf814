"use client";
import { SelectField, TextField } from "@/components/ui/field";
import { OFFERING_TYPES } from "@/lib/offerings/offering-types";
import { onlyProviderOf, type WizardCustomer, type WizardData } from "@/lib/offerings/wizard";
import type { StepProps } from "./wizard-fields";

type Basics = WizardData["basics"];

export function WizardBasics({
  value,
  onChange,
  errors,
  customers,
  categories,
}: StepProps<Basics> & { customers: WizardCustomer[]; categories: { id: string; title: string }[] }) {
  const set = <K extends keyof Basics>(k: K, v: Basics[K]) => onChange({ ...value, [k]: v });
  const providers = customers.find((c) => c.id === value.customer)?.providers ?? [];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Name"
        name="basics.name"
        value={value.name}
        onChange={(e) => set("name", e.target.value)}
        errors={errors["basics.name"]}
        maxLength={150}
        autoComplete="off"
      />
      <SelectField
        label="Type"
        name="basics.type"
        value={value.type}
        onChange={(e) => set("type", e.target.value)}
        errors={errors["basics.type"]}
      >
        {OFFERING_TYPES.map((t) => (
          <option key={t.type} value={t.type}>
            {t.label} ({t.type})
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Organisation (customer)"
        name="basics.customer"
        value={value.customer}
        onChange={(e) =>
          onChange({
            ...value,
            customer: e.target.value,
            provider: onlyProviderOf(customers.find((c) => c.id === e.target.value)),
          })
        }
        errors={errors["basics.customer"]}
      >
        <option value="">— choose —</option>
        {customers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Provider"
        name="basics.provider"
        value={value.provider ?? ""}
        onChange={(e) => set("provider", e.target.value)}
        errors={errors["basics.provider"]}
        disabled={!providers.length}
      >
        <option value="">{providers.length ? "— none —" : "— the organisation has no registered provider —"}</option>
        {providers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name || p.id}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Category"
        name="basics.category"
        value={value.category}
        onChange={(e) => set("category", e.target.value)}
        errors={errors["basics.category"]}
      >
        <option value="">— choose —</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="basics.description" className="block text-sm font-medium">
          Description
        </label>
        <textarea
          id="basics.description"
          rows={3}
          value={value.description}
          maxLength={4000}
          onChange={(e) => set("description", e.target.value)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={value.shared} onChange={(e) => set("shared", e.target.checked)} /> Shared: every
        organisation may order it
      </label>
    </div>
  );
}
