"use client";
import { useActionState, useEffect, useState } from "react";
import { removeCustomerInstanceAction, updateMarginsAction } from "@/app/(portal)/tenants/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { PlanPrice } from "@/lib/tenancy/effective-prices";
import type { Margin, OfferTypeMarginMap } from "@/lib/tenancy/margins";
import { MarginsFields, newOverride, type MarginsDraft } from "./margins-fields";
import { marginsOfDraft, PricePreview } from "./price-preview";
import { FormError } from "./form-error";
import { useFormAction } from "./use-form-action";

type Link = {
  providerInstanceId: string;
  name: string;
  type: string;
  providerName: string | null;
  margin: Margin;
  overrides: OfferTypeMarginMap;
  customerData: Record<string, unknown> | string | null;
  updatedAt: string;
};

const draftOf = (l: Link): MarginsDraft => ({
  margin: { ...l.margin },
  overrides: Object.entries(l.overrides).map(([type, m]) => newOverride({ type, rule: m.rule, value: m.value })),
});
const marginText = (m: Margin) => `${m.rule} ${m.value}%`;

/** One provider instance of a customer: its margins, customer data, effective prices; edit margins and remove. */
export function CustomerInstanceCard({
  tenant,
  customerId,
  link,
  prices,
  currency,
  minorUnits,
  canWrite,
}: {
  tenant: string;
  customerId: string;
  link: Link;
  prices: PlanPrice[] | null;
  currency: string;
  minorUnits: number;
  canWrite: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<MarginsDraft>(() => draftOf(link));
  const { state, onSubmit, pending, fe } = useFormAction(updateMarginsAction);
  const [removeState, remove, removing] = useActionState(removeCustomerInstanceAction, { ok: false });
  useEffect(() => {
    if (state.ok) setEditing(false); // eslint-disable-line react-hooks/set-state-in-effect -- close the editor once saved
  }, [state]);
  const saved = { margin: link.margin, overrides: link.overrides };
  const overrides = Object.entries(link.overrides);
  return (
    <article
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      data-testid={`customer-instance-${link.name}`}
      aria-labelledby={`ci-${link.providerInstanceId}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={`ci-${link.providerInstanceId}`} className="font-semibold">
            {link.name}
          </h3>
          <p className="text-xs text-slate-500">
            <Badge tone={link.type === "portico" ? "blue" : "slate"}>{link.type}</Badge>{" "}
            {link.providerName ? `sells ${link.providerName}` : ""} · id{" "}
            <code className="break-all">{link.providerInstanceId}</code>
          </p>
        </div>
        {canWrite && (
          <div className="flex gap-2">
            <Button
              type="button"
              variant="secondary"
              aria-expanded={editing}
              onClick={() => {
                setDraft(draftOf(link));
                setEditing((e) => !e);
              }}
            >
              {editing ? "Cancel" : "Edit margins"}
            </Button>
            <form
              action={remove}
              onSubmit={(e) => {
                if (!confirm(`Remove ${link.name} from this customer?`)) e.preventDefault();
              }}
            >
              <input type="hidden" name="tenant" value={tenant} />
              <input type="hidden" name="customerId" value={customerId} />
              <input type="hidden" name="providerInstanceId" value={link.providerInstanceId} />
              <Button type="submit" variant="danger" disabled={removing} aria-label={`Remove ${link.name}`}>
                {removing ? "Removing…" : "Remove"}
              </Button>
            </form>
          </div>
        )}
      </header>
      {removeState.error && (
        <Notice kind="error" correlationId={removeState.correlationId}>
          {removeState.error}
        </Notice>
      )}
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-500">Instance margin</dt>
        <dd data-testid="instance-margin">{marginText(link.margin)}</dd>
        <dt className="text-slate-500">Offer-type overrides</dt>
        <dd>{overrides.length ? overrides.map(([t, m]) => `${t}: ${marginText(m)}`).join(" · ") : "none"}</dd>
        {link.customerData && typeof link.customerData === "object" && (
          <>
            <dt className="text-slate-500">Microsoft customer</dt>
            <dd>
              {String(link.customerData.Domain)} · {String(link.customerData.FirstName)}{" "}
              {String(link.customerData.LastName)} · {String(link.customerData.Email)}
            </dd>
          </>
        )}
        {typeof link.customerData === "string" && (
          <>
            <dt className="text-slate-500">Customer data</dt>
            <dd className="break-all">{link.customerData}</dd>
          </>
        )}
      </dl>
      {state.ok && !editing && (
        <p role="status" className="mt-2 text-sm text-green-700 dark:text-green-400">
          Margins saved.
        </p>
      )}
      {editing && (
        <form
          onSubmit={onSubmit}
          className="mt-4 space-y-4 border-t border-slate-200 pt-4 dark:border-slate-800"
          noValidate
        >
          <input type="hidden" name="tenant" value={tenant} />
          <input type="hidden" name="customerId" value={customerId} />
          <input type="hidden" name="providerInstanceId" value={link.providerInstanceId} />
          <FormError state={state} />
          <MarginsFields idPrefix={`edit-${link.providerInstanceId}`} draft={draft} onChange={setDraft} fe={fe} />
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save margins"}
          </Button>
        </form>
      )}
      {prices && (
        <div className="mt-4">
          <PricePreview
            prices={prices}
            margins={editing ? marginsOfDraft(draft) : saved}
            currency={currency}
            minorUnits={minorUnits}
            caption={editing ? "Preview with the edited margins" : "Effective prices for this customer"}
          />
        </div>
      )}
    </article>
  );
}
