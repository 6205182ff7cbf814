"use client";
import { useState, useTransition } from "react";
import { updateIntegrationAction } from "@/app/(portal)/offerings/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { offeringTypeSpec } from "@/lib/offerings/offering-types";
import { typedOptions } from "@/lib/offerings/wizard";
import { OptionFields } from "./option-fields";

/** Plugin options as stored; secret fields start empty (stored secrets are never sent to the browser). */
export function IntegrationForm({
  id,
  type,
  plugin,
  storedSecretKeys,
  canSetSecrets,
}: {
  id: string;
  type: string;
  plugin: Record<string, unknown>;
  storedSecretKeys: string[];
  canSetSecrets: boolean;
}) {
  const spec = offeringTypeSpec(type);
  const [values, setValues] = useState<Record<string, string | boolean>>(
    Object.fromEntries(Object.entries(plugin).map(([k, v]) => [k, typeof v === "boolean" ? v : String(v)])),
  );
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string; correlationId?: string } | null>(null);
  const [pending, start] = useTransition();
  if (!spec) return <p className="text-sm text-slate-500">Unknown offering type {type}.</p>;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await updateIntegrationAction(id, typedOptions(spec.pluginOptions, values), secrets);
      setErrors(r.fieldErrors ?? {});
      setResult(
        r.ok
          ? { ok: true, text: "Integration options saved." }
          : { ok: false, text: r.error ?? "Failed.", correlationId: r.correlationId },
      );
      if (r.ok) setSecrets({});
    });
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <OptionFields
        specs={spec.pluginOptions}
        values={values}
        onChange={setValues}
        errors={errors}
        prefix="plugin_options"
      />
      {canSetSecrets && spec.secretOptions.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-semibold">Secret options</h3>
          <OptionFields
            specs={spec.secretOptions}
            values={secrets}
            onChange={(v) => setSecrets(v as Record<string, string>)}
            errors={errors}
            prefix="secret_options"
            secret
            storedSecretKeys={storedSecretKeys}
          />
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save integration options"}
      </Button>
      {result && (
        <Notice kind={result.ok ? "success" : "error"} correlationId={result.correlationId}>
          {result.text}
        </Notice>
      )}
    </form>
  );
}
