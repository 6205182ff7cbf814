"use client";
import { useActionState, useRef, type KeyboardEvent } from "react";
import { wizardAction, type WizardState } from "@/app/(portal)/onboarding/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useWizardFocus } from "@/components/ui/use-wizard-focus";
import type { DraftData } from "@/lib/registration/onboarding-drafts";
import { RegistrationStatus } from "./registration-status";

const STEPS = ["Organisation", "Integration endpoint", "Review", "Approval"];

function Stepper({ current }: { current: number }) {
  return (
    <ol className="mb-6 flex flex-wrap gap-2 text-sm" aria-label="Progress">
      {STEPS.map((s, i) => (
        <li
          key={s}
          aria-current={i === current ? "step" : undefined}
          className={`flex items-center gap-2 rounded-full border px-3 py-1 ${i === current ? "border-brand-600 bg-brand-600 text-white" : i < current ? "border-green-600 text-green-700 dark:text-green-300" : "border-slate-300 text-slate-500 dark:border-slate-600"}`}
        >
          <span aria-hidden>{i < current ? "✓" : i + 1}</span> {s}
          {i < current && <span className="sr-only">(done)</span>}
        </li>
      ))}
    </ol>
  );
}

/** The onboarding wizard: every Next validates and saves the draft server-side, so it can be resumed any time. */
export function OnboardingWizard({
  draftId,
  initialStep,
  initialValues,
  registrationId,
}: {
  draftId: string;
  initialStep: number;
  initialValues: DraftData;
  registrationId: string | null;
}) {
  const initial: WizardState = {
    ok: true,
    data: {
      step: registrationId ? 3 : initialStep,
      values: initialValues,
      registrationId: registrationId ?? undefined,
    },
  };
  const [latest, act, busy] = useActionState(wizardAction, initial);
  const step = latest.data?.step ?? 0;
  const values = latest.data?.values ?? {};
  const errors = latest.ok ? undefined : latest.fieldErrors;
  const nextButton = useRef<HTMLButtonElement>(null);
  // Enter in a field means Next (the browser would press the first submit button, which is Back)
  const enterIsNext = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== "Enter" || !(e.target instanceof HTMLInputElement) || !nextButton.current) return;
    e.preventDefault();
    if (!nextButton.current.disabled) e.currentTarget.requestSubmit(nextButton.current);
  };
  const regId = latest.data?.registrationId ?? registrationId;
  const shownStep = regId ? 3 : step;
  // every step re-renders the form from the server's answer, so focus is put back on purpose
  const { root, heading } = useWizardFocus(shownStep, latest);
  const title = (
    <h2 ref={heading} tabIndex={-1} className="mb-4 text-base font-semibold outline-none">
      {STEPS[shownStep]}
    </h2>
  );
  if (regId) {
    return (
      <div ref={root}>
        <Stepper current={3} />
        {title}
        <RegistrationStatus registrationId={regId} />
      </div>
    );
  }
  const nav = (
    <div className="mt-6 flex flex-wrap gap-2">
      {step > 0 && (
        <Button type="submit" name="nextStep" value={step - 1} variant="secondary" formNoValidate>
          Back
        </Button>
      )}
      {step < 2 && (
        <Button ref={nextButton} type="submit" name="nextStep" value={step + 1} disabled={busy}>
          {busy ? "Saving…" : "Next"}
        </Button>
      )}
      {step < 2 && (
        <Button type="submit" name="nextStep" value={step} variant="ghost" formNoValidate disabled={busy}>
          Save draft
        </Button>
      )}
    </div>
  );
  return (
    <div ref={root}>
      <Stepper current={step} />
      {title}
      {!latest.ok && latest.error && (
        <div className="mb-4">
          <Notice kind="error" correlationId={latest.correlationId}>
            {latest.error}
          </Notice>
        </div>
      )}
      {latest.ok && latest.correlationId && step < 2 && (
        <p role="status" className="mb-4 text-sm text-slate-500">
          Draft saved.
        </p>
      )}
      {step < 2 ? (
        <form
          action={act}
          onKeyDown={enterIsNext}
          key={`step-${step}-${JSON.stringify(values)}`}
          className="max-w-xl space-y-4"
          noValidate
        >
          <input type="hidden" name="draftId" value={draftId} />
          <input type="hidden" name="step" value={step} />
          {step === 0 ? (
            <>
              <TextField
                label="Provider id"
                name="id"
                defaultValue={values.id ?? ""}
                errors={errors?.id}
                hint="A short slug, e.g. hpc-nordic: lower-case letters, digits, '-' and '_'. It cannot be changed later."
                autoComplete="off"
              />
              <TextField label="Organisation name" name="name" defaultValue={values.name ?? ""} errors={errors?.name} />
              <TextField
                label="Website"
                name="website"
                type="url"
                defaultValue={values.website ?? ""}
                errors={errors?.website}
                placeholder="https://"
              />
              <TextField
                label="Abbreviation"
                name="abbreviation"
                defaultValue={values.abbreviation ?? ""}
                errors={errors?.abbreviation}
              />
              <TextField
                label="Logo URL"
                name="logo"
                type="url"
                defaultValue={values.logo ?? ""}
                errors={errors?.logo}
                placeholder="https://"
              />
            </>
          ) : (
            <>
              <TextField
                label="Domain"
                name="domain"
                defaultValue={values.domain ?? ""}
                errors={errors?.domain}
                hint="Host name or IP address of your integration module, without http:// (e.g. im.provider.example.org)."
                autoComplete="off"
              />
              <input type="hidden" name="https-present" value="1" />
              <div className="flex items-center gap-2">
                <input
                  id="https"
                  name="https"
                  type="checkbox"
                  defaultChecked={values.https ?? true}
                  className="h-4 w-4"
                  aria-invalid={errors?.https ? true : undefined}
                  aria-describedby={errors?.https ? "https-error" : undefined}
                />
                <label htmlFor="https" className="text-sm font-medium">
                  The integration module uses HTTPS
                </label>
              </div>
              {errors?.https && (
                <p id="https-error" className="text-sm text-red-600 dark:text-red-400">
                  {errors.https.join(" ")}
                </p>
              )}
              <TextField
                label="Port"
                name="port"
                inputMode="numeric"
                defaultValue={values.port == null ? "" : String(values.port)}
                errors={errors?.port}
                hint="Leave empty for the default port (443 with HTTPS, 80 without)."
              />
            </>
          )}
          {nav}
        </form>
      ) : (
        <div className="max-w-xl space-y-4">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="review">
            {(
              [
                ["Provider id", values.id],
                ["Organisation name", values.name],
                ["Website", values.website || "—"],
                ["Abbreviation", values.abbreviation || "—"],
                ["Logo URL", values.logo || "—"],
                ["Domain", values.domain],
                ["HTTPS", values.https === false ? "no" : "yes"],
                ["Port", values.port ?? "default"],
              ] as [string, unknown][]
            ).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="break-all">{String(v ?? "")}</dd>
              </div>
            ))}
          </dl>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Submitting signs the request as you. A federation administrator then approves it; you will see the
            credentials here once.
          </p>
          <div className="flex flex-wrap gap-2">
            <form action={act}>
              <input type="hidden" name="draftId" value={draftId} />
              <input type="hidden" name="step" value={2} />
              <Button type="submit" name="nextStep" value={1} variant="secondary">
                Back
              </Button>
            </form>
            <form action={act}>
              <input type="hidden" name="draftId" value={draftId} />
              <input type="hidden" name="intent" value="submit" />
              <Button type="submit" disabled={busy}>
                {busy ? "Submitting…" : "Submit for approval"}
              </Button>
            </form>
          </div>
        </div>
      )}
    </div>
  );
}
