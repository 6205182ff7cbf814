"use client";
import { useEffect, useRef } from "react";
import { createCustomerAction } from "@/app/(portal)/tenants/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FormError } from "./form-error";
import { useFormAction } from "./use-form-action";

/** `resellers` is given to a csp (who may create a customer for a reseller); a reseller's customers are its own. */
export function CreateCustomerForm({
  tenant,
  resellers,
}: {
  tenant: string;
  resellers: { id: string; name: string }[] | null;
}) {
  const { state, onSubmit, pending, fe } = useFormAction(createCustomerAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
    else if (state.fieldErrors) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="tenant" value={tenant} />
      {state.ok && state.data && <Notice kind="success">Customer “{state.data.name}” added.</Notice>}
      <FormError state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField id="customer-name" label="Customer name" name="name" required errors={fe.name} />
        <TextField id="customer-email" label="Contact email" name="email" type="email" errors={fe.email} />
        <TextField
          id="customer-country"
          label="Country code"
          name="country"
          maxLength={2}
          placeholder="DK"
          errors={fe.country}
        />
        {resellers && (
          <SelectField
            id="customer-reseller"
            label="Sold through"
            name="resellerId"
            defaultValue=""
            errors={fe.resellerId}
          >
            <option value="">Directly (no reseller)</option>
            {resellers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add customer"}
      </Button>
    </form>
  );
}
