"use client";
import type { OptionSpec } from "@/lib/offerings/offering-types";
import { FieldError, inputClass, invalid } from "./wizard-fields";

/** A form generated from an offering type's option schema. Secret fields are write-only password inputs. */
export function OptionFields({
  specs,
  values,
  onChange,
  errors,
  prefix,
  secret = false,
  storedSecretKeys = [],
}: {
  specs: OptionSpec[];
  values: Record<string, string | boolean>;
  onChange: (v: Record<string, string | boolean>) => void;
  errors: Record<string, string[]>;
  prefix: string;
  secret?: boolean;
  storedSecretKeys?: string[];
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {specs.map((o) => {
        const id = `${prefix}.${o.key}`;
        const err = errors[id];
        if (o.kind === "boolean")
          return (
            <div key={o.key}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  id={id}
                  type="checkbox"
                  checked={values[o.key] === true}
                  onChange={(e) => onChange({ ...values, [o.key]: e.target.checked })}
                />{" "}
                {o.label}
              </label>
              <FieldError id={id} errors={err} />
            </div>
          );
        return (
          <div key={o.key}>
            <label htmlFor={id} className="block text-sm font-medium">
              {o.label} <span className="font-mono text-xs text-slate-500">{o.key}</span>
            </label>
            {o.kind === "choice" ? (
              <select
                id={id}
                className={inputClass}
                value={String(values[o.key] ?? "")}
                onChange={(e) => onChange({ ...values, [o.key]: e.target.value })}
                {...invalid(id, err)}
              >
                <option value="">— not set —</option>
                {o.choices!.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                className={inputClass}
                type={secret ? "password" : "text"}
                autoComplete={secret ? "new-password" : "off"}
                inputMode={o.kind === "integer" ? "numeric" : undefined}
                placeholder={secret && storedSecretKeys.includes(o.key) ? "stored — leave empty to keep" : o.help}
                value={String(values[o.key] ?? "")}
                onChange={(e) => onChange({ ...values, [o.key]: e.target.value })}
                {...invalid(id, err)}
              />
            )}
            <FieldError id={id} errors={err} />
          </div>
        );
      })}
    </div>
  );
}
