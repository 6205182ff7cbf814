"use client";
import { useEffect, useRef, useState } from "react";
import { addCustomerInstanceAction } from "@/app/(portal)/tenants/actions";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { PlanPrice } from "@/lib/tenancy/effective-prices";
import { MarginsFields, type MarginsDraft } from "./margins-fields";
import { MicrosoftFields } from "./microsoft-fields";
import { marginsOfDraft, PricePreview } from "./price-preview";
import { FormError } from "./form-error";
import { useFormAction } from "./use-form-action";

type Instance = { id: string; name: string; type: string };
const emptyDraft = (): MarginsDraft => ({ margin: { rule: "markup", value: "" }, overrides: [] });

/** Adds a provider instance to a customer: margins, overrides, the instance type's customer data, and a live price preview. */
export function AddCustomerInstanceForm({
  tenant,
  customerId,
  instances,
  pricesByInstance,
  currency,
  minorUnits,
}: {
  tenant: string;
  customerId: string;
  instances: Instance[];
  pricesByInstance: Record<string, PlanPrice[]>;
  currency: string;
  minorUnits: number;
}) {
  const { state, onSubmit, pending, fe } = useFormAction(addCustomerInstanceAction);
  const [instanceId, setInstanceId] = useState(instances[0]?.id ?? "");
  const [draft, setDraft] = useState<MarginsDraft>(emptyDraft);
  const form = useRef<HTMLFormElement>(null);
  const instance = instances.find((i) => i.id === instanceId);
  useEffect(() => {
    if (state.ok) {
      form.current?.reset();
      setDraft(emptyDraft()); // eslint-disable-line react-hooks/set-state-in-effect -- clear the controlled fields after a successful add
    } else if (state.fieldErrors) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  if (!instances.length)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Every provider instance of this tenant is already added to this customer.
      </p>
    );
  const prices = pricesByInstance[instanceId];
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="instanceType" value={instance?.type ?? ""} />
      {state.ok && <Notice kind="success">Provider instance added.</Notice>}
      <FormError state={state} />
      <SelectField
        id="add-instance"
        label="Provider instance"
        name="providerInstanceId"
        value={instanceId}
        onChange={(e) => setInstanceId(e.target.value)}
        errors={fe.providerInstanceId}
      >
        {instances.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name} ({i.type})
          </option>
        ))}
      </SelectField>
      <MarginsFields idPrefix="add" draft={draft} onChange={setDraft} fe={fe} />
      {instance?.type === "microsoft" ? (
        <MicrosoftFields fe={fe} idPrefix="add" />
      ) : (
        <div className="space-y-1">
          <label htmlFor="add-data" className="block text-sm font-medium">
            Provider customer data (optional)
          </label>
          <textarea
            id="add-data"
            name="providerCustomerData"
            rows={2}
            maxLength={20000}
            aria-invalid={fe.providerCustomerData ? true : undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          {fe.providerCustomerData && (
            <p className="text-sm text-red-600 dark:text-red-400">{fe.providerCustomerData.join(" ")}</p>
          )}
        </div>
      )}
      {prices && (
        <PricePreview
          prices={prices}
          margins={marginsOfDraft(draft)}
          currency={currency}
          minorUnits={minorUnits}
          caption="Preview: effective prices with these margins"
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add provider instance"}
      </Button>
    </form>
  );
}
