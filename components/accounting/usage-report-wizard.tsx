"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type Ref } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useWizardFocus } from "@/components/ui/use-wizard-focus";
import type { ReportableProvider } from "@/lib/accounting/portal-queries";
import { GROUPS, PRESETS, validateOptions, type Group, type ReportOptions } from "./report-options";
import { UsageReportResult } from "./usage-report-result";

const STEPS = ["Provider", "Date range", "Grouping", "Report"];

function optionsFrom(sp: URLSearchParams): ReportOptions {
  const g = sp.get("group") as Group | null;
  return {
    provider: sp.get("provider") ?? "",
    project: sp.get("project") ?? "",
    start: sp.get("start") ?? "",
    end: sp.get("end") ?? "",
    group: g && GROUPS.includes(g) ? g : "month",
  };
}

/** Provider/project → range → grouping → chart and table; every choice is kept in the URL. */
export function UsageReportWizard({ providers }: { providers: ReportableProvider[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const [opts, setOpts] = useState<ReportOptions>(() => optionsFrom(new URLSearchParams(sp.toString())));
  const initialStep = Number(
    sp.get("step") ?? (Object.keys(validateOptions(optionsFrom(new URLSearchParams(sp.toString())), 2)).length ? 0 : 3),
  );
  const [step, setStep] = useState(Math.min(3, Math.max(0, initialStep)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { root, heading } = useWizardFocus(step, errors);

  useEffect(() => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(opts)) if (v) q.set(k, v);
    q.set("step", String(step));
    router.replace(`${pathname}?${q.toString()}`, { scroll: false });
  }, [opts, step, pathname, router]);

  const set = (patch: Partial<ReportOptions>) => setOpts((o) => ({ ...o, ...patch }));
  const next = () => {
    const e = validateOptions(opts, step);
    setErrors(e);
    if (!Object.keys(e).length) setStep((s) => Math.min(3, s + 1));
  };
  const back = () => setStep((s) => Math.max(0, s - 1));
  const provider = providers.find((p) => p.id === opts.provider);

  if (!providers.length)
    return (
      <Notice kind="info">
        There are no installations you may report on yet. A provider&apos;s owner creates installations through the ARGO
        API (<code>POST /accounting-system/installations</code>) and then posts usage, or an admin grants you a role on
        a (project, provider) pair.
      </Notice>
    );

  return (
    <div ref={root} className="space-y-6">
      <nav aria-label="Report steps">
        <ol className="flex flex-wrap gap-2 text-sm">
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                onClick={() => i < step && setStep(i)}
                aria-current={i === step ? "step" : undefined}
                disabled={i > step}
                className={`rounded-full px-3 py-1 ${i === step ? "bg-brand-600 text-white" : i < step ? "bg-slate-200 text-slate-800 hover:bg-slate-300 dark:bg-slate-700 dark:text-slate-100" : "bg-slate-100 text-slate-400 dark:bg-slate-800"}`}
              >
                {i + 1}. {s}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {step < 3 && (
        <Card>
          <h2 ref={heading} tabIndex={-1} className="mb-4 text-base font-semibold outline-none">
            {STEPS[step]}
          </h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              next();
            }}
            className="space-y-4"
          >
            {step === 0 && (
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField
                  label="Provider"
                  name="provider"
                  value={opts.provider}
                  errors={errors.provider ? [errors.provider] : undefined}
                  onChange={(e) => set({ provider: e.target.value, project: "" })}
                >
                  <option value="">Choose a provider…</option>
                  {providers.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.id})
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label="Project (optional)"
                  name="project"
                  value={opts.project}
                  onChange={(e) => set({ project: e.target.value })}
                  disabled={!provider}
                >
                  <option value="">All projects</option>
                  {provider?.projects.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </SelectField>
              </div>
            )}
            {step === 1 && (
              <>
                <fieldset>
                  <legend className="mb-2 text-sm font-medium">Presets</legend>
                  <div className="flex flex-wrap gap-2">
                    {PRESETS.map((p) => (
                      <Button
                        key={p.id}
                        type="button"
                        variant="secondary"
                        onClick={() => set({ ...p.range(), group: p.group })}
                      >
                        {p.label}
                      </Button>
                    ))}
                  </div>
                </fieldset>
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField
                    label="Start date"
                    name="start"
                    type="date"
                    value={opts.start}
                    errors={errors.start ? [errors.start] : undefined}
                    onChange={(e) => set({ start: e.target.value })}
                  />
                  <TextField
                    label="End date (inclusive)"
                    name="end"
                    type="date"
                    value={opts.end}
                    errors={errors.end ? [errors.end] : undefined}
                    onChange={(e) => set({ end: e.target.value })}
                  />
                </div>
              </>
            )}
            {step === 2 && (
              <fieldset>
                <legend className="mb-2 text-sm font-medium">Group usage by</legend>
                <div className="flex flex-wrap gap-4">
                  {GROUPS.map((g) => (
                    <label key={g} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name="group"
                        value={g}
                        checked={opts.group === g}
                        onChange={() => set({ group: g })}
                      />
                      {g}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            <div className="flex gap-2">
              {step > 0 && (
                <Button type="button" variant="secondary" onClick={back}>
                  Back
                </Button>
              )}
              <Button type="submit">{step === 2 ? "Show report" : "Next"}</Button>
            </div>
          </form>
        </Card>
      )}

      {step === 3 && (
        <ReportStep
          heading={heading}
          opts={opts}
          providerName={provider?.name ?? opts.provider}
          onEdit={() => setStep(0)}
        />
      )}
    </div>
  );
}

function ReportStep({
  heading,
  opts,
  providerName,
  onEdit,
}: {
  heading: Ref<HTMLHeadingElement>;
  opts: ReportOptions;
  providerName: string;
  onEdit: () => void;
}) {
  const q = new URLSearchParams({ start: opts.start, end: opts.end, group: opts.group });
  if (opts.project) q.set("project_id", opts.project);
  const url = `/accounting-system/providers/${encodeURIComponent(opts.provider)}/usage-series?${q.toString()}`;
  const query = useQuery({
    queryKey: ["usage-series", url],
    queryFn: async () => {
      const res = await fetch(url, { headers: { accept: "application/json" } });
      const body = await res.json().catch(() => ({}));
      if (!res.ok)
        throw Object.assign(new Error(body.message ?? `The report could not be loaded (${res.status}).`), {
          correlationId: body.correlation_id,
        });
      return body;
    },
  });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <h2 ref={heading} tabIndex={-1} className="font-normal outline-none">
          <strong>{providerName}</strong>
          {opts.project ? ` · project ${opts.project}` : " · all projects"} · {opts.start} to {opts.end} · by{" "}
          {opts.group}
        </h2>
        <Button type="button" variant="secondary" onClick={onEdit}>
          Change options
        </Button>
      </div>
      {query.isPending && (
        <p role="status" className="text-sm text-slate-500">
          Loading the report…
        </p>
      )}
      {query.isError && (
        <Notice kind="error" correlationId={(query.error as Error & { correlationId?: string }).correlationId}>
          {query.error.message}
        </Notice>
      )}
      {query.data && (
        <UsageReportResult
          data={query.data}
          filename={`usage-${opts.provider}-${opts.start}-${opts.end}-${opts.group}`}
        />
      )}
    </div>
  );
}
