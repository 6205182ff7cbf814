import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/zod-errors";
import { offeringTypeSpec, optionsSchema } from "./offering-types";

/**
 * Checks plugin options (and secret options, where null removes a key) against the offering type's
 * option schema; every bad key is reported under `plugin_options.<key>` / `secret_options.<key>`.
 */
export function validateIntegration(
  type: string,
  plugin?: Record<string, unknown>,
  secret?: Record<string, unknown>,
): void {
  const spec = offeringTypeSpec(type);
  if (!spec) throw new AppError("validation", "Unknown offering type.", { type: [`"${type}" is not a valid choice.`] });
  const errors: FieldErrors = {};
  if (plugin !== undefined) {
    const r = optionsSchema(spec.pluginOptions).safeParse(plugin);
    if (!r.success) Object.assign(errors, fieldErrorsOf(r.error, "plugin_options"));
  }
  if (secret !== undefined) {
    if (!spec.secretOptions.length && Object.keys(secret).length)
      errors.secret_options = [`Offerings of type ${type} take no secret options.`];
    else {
      const r = optionsSchema(spec.secretOptions, true).safeParse(secret);
      if (!r.success) Object.assign(errors, fieldErrorsOf(r.error, "secret_options"));
    }
  }
  if (Object.keys(errors).length) throw new AppError("validation", "Invalid integration options.", errors);
}

/** Merges a secret-options change into what is stored: null removes a key, absent keys are kept. */
export function mergeSecrets(
  current: Record<string, unknown>,
  change: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...current };
  for (const [k, v] of Object.entries(change)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}
