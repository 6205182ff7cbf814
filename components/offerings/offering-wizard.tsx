"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { createOfferingAction, offeringStateAction, saveDraftAction } from "@/app/(portal)/offerings/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { useWizardFocus } from "@/components/ui/use-wizard-focus";
import type { FieldErrors } from "@/lib/errors/app-error";
import { offeringTypeSpec } from "@/lib/offerings/offering-types";
import {
  stepOfError,
  validateWizardStep,
  WIZARD_STEPS,
  type WizardCustomer,
  type WizardData,
} from "@/lib/offerings/wizard";
import { OptionFields } from "./option-fields";
import { Stepper } from "./stepper";
import { WizardBasics } from "./wizard-basics";
import { WizardComponents } from "./wizard-components";
import { WizardPlans } from "./wizard-plans";
import { WizardReview } from "./wizard-review";

type Props = {
  draftId: string | null;
  initialStep: number;
  initial: WizardData;
  customers: WizardCustomer[];
  categories: { id: string; title: string }[];
};

/** Basics → components → plans → integration → review; each Next validates the step and saves the draft server-side. */
export function OfferingWizard({ draftId: initialDraftId, initialStep, initial, customers, categories }: Props) {
  const router = useRouter();
  const [data, setData] = useState<WizardData>(initial);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [step, setStep] = useState(initialStep);
  const [reached, setReached] = useState(initialStep);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [draftId, setDraftId] = useState(initialDraftId);
  const [message, setMessage] = useState<{
    kind: "success" | "error" | "info";
    text: string;
    correlationId?: string;
  } | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const { root, heading } = useWizardFocus(step, errors, message);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // "Create as Draft" is gone once it worked: read the outcome out, the next actions follow it
    if (created) outcome.current?.focus();
  }, [created]);

  const save = (nextStep: number) =>
    start(async () => {
      const r = await saveDraftAction(draftId, nextStep, data);
      if (r.ok && r.data) {
        // Keep the draft in the URL (reload resumes it) without re-rendering the page and losing input.
        if (!draftId) window.history.replaceState(null, "", `/offerings/new?draft=${r.data.id}`);
        setDraftId(r.data.id);
        setMessage({ kind: "info", text: "Draft saved. You can leave and resume it from the offerings list." });
      } else
        setMessage({ kind: "error", text: r.error ?? "The draft could not be saved.", correlationId: r.correlationId });
    });

  const go = (to: number) => {
    if (to > step) {
      for (let s = step; s < to; s++) {
        const e = validateWizardStep(s, data);
        if (Object.keys(e).length) {
          setStep(s);
          setErrors(e);
          setMessage({ kind: "error", text: "Please correct the highlighted fields." });
          return;
        }
      }
    }
    setErrors({});
    setMessage(null);
    setStep(to);
    setReached((r) => Math.max(r, to));
    if (to > step) save(to);
  };

  const create = () =>
    start(async () => {
      const r = await createOfferingAction(draftId, data, secrets);
      if (r.ok && r.data) {
        setCreated(r.data.id);
        setSecrets({});
        setMessage({ kind: "success", text: "Offering created as Draft. Activate it to publish it in the catalogue." });
      } else {
        const fe = r.fieldErrors ?? {};
        setErrors(fe);
        const first = Object.keys(fe)[0];
        if (first) setStep(stepOfError(first));
        setMessage({
          kind: "error",
          text: r.error ?? "The offering could not be created.",
          correlationId: r.correlationId,
        });
      }
    });

  const activate = () =>
    start(async () => {
      const r = await offeringStateAction(created!, "activate");
      if (r.ok) router.push(`/offerings/${created}`);
      else setMessage({ kind: "error", text: r.error ?? "Activation failed.", correlationId: r.correlationId });
    });

  const spec = offeringTypeSpec(data.basics.type);
  return (
    <div ref={root}>
      <Stepper steps={WIZARD_STEPS} current={step} reached={reached} onSelect={go} />
      {message && (
        <div ref={outcome} tabIndex={-1} className="mb-4 outline-none">
          <Notice kind={message.kind} correlationId={message.correlationId}>
            {message.text}
          </Notice>
        </div>
      )}
      <Card>
        <h2 ref={heading} tabIndex={-1} className="mb-4 text-base font-semibold outline-none">
          {WIZARD_STEPS[step]}
        </h2>
        {step === 0 && (
          <WizardBasics
            value={data.basics}
            onChange={(basics) => setData({ ...data, basics })}
            errors={errors}
            customers={customers}
            categories={categories}
          />
        )}
        {step === 1 && (
          <WizardComponents
            value={data.components}
            onChange={(components) => setData({ ...data, components })}
            errors={errors}
          />
        )}
        {step === 2 && (
          <WizardPlans
            value={data.plans}
            onChange={(plans) => setData({ ...data, plans })}
            errors={errors}
            components={data.components}
          />
        )}
        {step === 3 && spec && (
          <div className="space-y-6">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Integration options for {spec.label}. Leave a field empty to not set it.
            </p>
            <OptionFields
              specs={spec.pluginOptions}
              values={data.plugin_options}
              onChange={(plugin_options) => setData({ ...data, plugin_options })}
              errors={errors}
              prefix="plugin_options"
            />
            {spec.secretOptions.length > 0 && (
              <div>
                <h3 className="mb-2 text-sm font-semibold">Secret options</h3>
                <p className="mb-3 text-xs text-slate-500">
                  Stored encrypted with the offering and never kept in the draft: enter them right before you create it.
                </p>
                <OptionFields
                  specs={spec.secretOptions}
                  values={secrets}
                  onChange={(v) => setSecrets(v as Record<string, string>)}
                  errors={errors}
                  prefix="secret_options"
                  secret
                />
              </div>
            )}
          </div>
        )}
        {step === 4 && (
          <WizardReview
            data={data}
            customers={customers}
            categories={categories}
            secretKeys={Object.keys(secrets).filter((k) => secrets[k])}
            errors={errors}
          />
        )}

        <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button
            type="button"
            variant="secondary"
            disabled={step === 0 || pending || !!created}
            onClick={() => go(step - 1)}
          >
            Back
          </Button>
          <div className="flex flex-wrap gap-2">
            {!created && (
              <Button type="button" variant="ghost" disabled={pending} onClick={() => save(step)}>
                Save draft
              </Button>
            )}
            {step < 4 && (
              <Button type="button" disabled={pending} onClick={() => go(step + 1)}>
                Next
              </Button>
            )}
            {step === 4 && !created && (
              <Button type="button" disabled={pending} onClick={create}>
                {pending ? "Creating…" : "Create as Draft"}
              </Button>
            )}
            {created && (
              <>
                <Link
                  href={`/offerings/${created}`}
                  className="inline-flex items-center rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600"
                >
                  Open offering
                </Link>
                <Button type="button" disabled={pending} onClick={activate}>
                  {pending ? "Activating…" : "Activate now"}
                </Button>
              </>
            )}
          </div>
        </div>
      </Card>
    </div>
  );
}
