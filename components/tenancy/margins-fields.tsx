"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors/app-error";
import { MARGIN_RULES, type MarginRuleName } from "@/lib/tenancy/margins";

export type MarginDraft = { rule: string; value: string };
export type OverrideDraft = MarginDraft & { key: number; type: string };
export type MarginsDraft = { margin: MarginDraft; overrides: OverrideDraft[] };

export const RULE_LABELS: Record<MarginRuleName, string> = {
  markup: "markup — cost × (1 + v/100)",
  margin: "margin — cost / (1 − v/100)",
  erpMinusDiscount: "erpMinusDiscount — list price × (1 − v/100)",
};

let nextKey = 1;
export const newOverride = (o: Partial<OverrideDraft> = {}): OverrideDraft => ({
  key: nextKey++,
  type: "",
  rule: "markup",
  value: "",
  ...o,
});

/** The instance margin and per-offer-type overrides, as controlled fields named the way the server action reads them. */
export function MarginsFields({
  idPrefix,
  draft,
  onChange,
  fe,
}: {
  idPrefix: string;
  draft: MarginsDraft;
  onChange: (d: MarginsDraft) => void;
  fe: FieldErrors;
}) {
  const [announce, setAnnounce] = useState("");
  const setRow = (key: number, patch: Partial<OverrideDraft>) =>
    onChange({ ...draft, overrides: draft.overrides.map((o) => (o.key === key ? { ...o, ...patch } : o)) });
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold">Price margin</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={`${idPrefix}-rule`}
          label="Margin rule"
          name="margin.rule"
          value={draft.margin.rule}
          onChange={(e) => onChange({ ...draft, margin: { ...draft.margin, rule: e.target.value } })}
          errors={fe["margin.rule"]}
        >
          {MARGIN_RULES.map((r) => (
            <option key={r} value={r}>
              {RULE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${idPrefix}-value`}
          label="Margin value (%)"
          name="margin.value"
          inputMode="decimal"
          required
          value={draft.margin.value}
          onChange={(e) => onChange({ ...draft, margin: { ...draft.margin, value: e.target.value } })}
          errors={fe["margin.value"]}
        />
      </div>
      <div className="space-y-3">
        <p className="text-sm font-medium">Offer-type overrides</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          An override replaces the instance margin for prices of that offer type (e.g. license, usage, software). Names
          are case-insensitive.
        </p>
        {draft.overrides.map((o, i) => {
          const n = i + 1;
          const typeErrors = [...(fe[`override.${i}.type`] ?? [])];
          const key = `offerTypeMargins.${o.type.trim()}`;
          return (
            <div
              key={o.key}
              className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_11rem_auto] sm:items-start dark:border-slate-700"
              data-testid="override-row"
            >
              <TextField
                id={`${idPrefix}-ot-${o.key}-type`}
                label={`Offer type ${n}`}
                name={`override.${i}.type`}
                value={o.type}
                onChange={(e) => setRow(o.key, { type: e.target.value })}
                errors={typeErrors.length ? typeErrors : undefined}
              />
              <SelectField
                id={`${idPrefix}-ot-${o.key}-rule`}
                label={`Rule for offer type ${n}`}
                name={`override.${i}.rule`}
                value={o.rule}
                onChange={(e) => setRow(o.key, { rule: e.target.value })}
                errors={fe[`${key}.rule`]}
              >
                {MARGIN_RULES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`${idPrefix}-ot-${o.key}-value`}
                label={`Value for offer type ${n} (%)`}
                name={`override.${i}.value`}
                inputMode="decimal"
                value={o.value}
                onChange={(e) => setRow(o.key, { value: e.target.value })}
                errors={fe[`${key}.value`]}
              />
              <Button
                type="button"
                variant="ghost"
                className="sm:mt-6"
                aria-label={`Remove offer type ${n}`}
                onClick={() => {
                  onChange({ ...draft, overrides: draft.overrides.filter((x) => x.key !== o.key) });
                  setAnnounce(`Override ${n} removed.`);
                }}
              >
                Remove
              </Button>
            </div>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            onChange({ ...draft, overrides: [...draft.overrides, newOverride()] });
            setAnnounce(`Override ${draft.overrides.length + 1} added.`);
          }}
        >
          Add offer-type override
        </Button>
        <p className="sr-only" role="status">
          {announce}
        </p>
      </div>
    </fieldset>
  );
}
