"use client";
import Link from "next/link";
import { useActionState } from "react";
import { placeOrderAction } from "@/app/(portal)/orders/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type Option = { id: string; label: string };

/** Order a plan of an Active offering for one of your projects; the provider approves or rejects it. */
export function OrderForm({
  offeringId,
  plans,
  projects,
  limitComponents,
}: {
  offeringId: string;
  plans: Option[];
  projects: Option[];
  limitComponents: { type: string; name: string; unit: string }[];
}) {
  const [state, action, pending] = useActionState(placeOrderAction, { ok: false });
  const errors = state.ok ? undefined : state.fieldErrors;
  if (state.ok)
    return (
      <Notice kind="success">
        Order placed: it waits for the provider&apos;s approval. Follow it on{" "}
        <Link href="/orders" className="underline">
          Orders
        </Link>
        .
      </Notice>
    );
  return (
    <form action={action} className="space-y-3" aria-label="Order this offering">
      <input type="hidden" name="offering" value={offeringId} />
      <SelectField label="Plan" name="plan" errors={errors?.plan} required>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Project" name="project" errors={errors?.project} required>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Resource name"
        name="name"
        maxLength={150}
        errors={errors?.["attributes.name"]}
        hint="How the allocation is called in your project's reports."
      />
      {limitComponents.map((c) => (
        <TextField
          key={c.type}
          label={`${c.name} limit${c.unit ? ` (${c.unit})` : ""}`}
          name={`limit.${c.type}`}
          type="number"
          min={0}
          step={1}
          errors={errors?.[`limits.${c.type}`] ?? errors?.limits}
        />
      ))}
      <TextField label="Comment for the provider" name="comment" maxLength={255} errors={errors?.request_comment} />
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Ordering…" : "Place order"}
      </Button>
    </form>
  );
}
