import { z } from "zod";

export const ACCESS_ROLES = ["admin", "collector", "viewer"] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

const NAME_RE = /^(.+):group:accounting:([^:]+):([^:]+):role=([^:]+)$/;

export type EntitlementParts = { namespace: string; projectId: string; providerId: string; role: AccessRole };

/** Splits `{namespace}:group:accounting:{project_id}:{provider_id}:role={role}`; null with a reason when it does not fit. */
export function parseEntitlementName(name: string): EntitlementParts | { error: string } {
  const m = NAME_RE.exec(name);
  if (!m) return { error: "name must look like {namespace}:group:accounting:{project_id}:{provider_id}:role={role}." };
  const [, namespace, projectId, providerId, role] = m;
  if (!/^[\w.~-]+(:[\w.~-]+)*$/.test(namespace))
    return {
      error: `'${namespace}' is not a valid namespace (colon-separated words, e.g. urn:geant:sandbox.eosc-beyond.eu:core:integration).`,
    };
  if (!(ACCESS_ROLES as readonly string[]).includes(role))
    return { error: `Unknown role '${role}': use one of ${ACCESS_ROLES.join(", ")}.` };
  return { namespace, projectId, providerId, role: role as AccessRole };
}

export const createEntitlementInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "name may not be empty.")
    .max(500, "name may be at most 500 characters.")
    .superRefine((v, ctx) => {
      const parsed = parseEntitlementName(v);
      if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
    }),
});

export const aclInput = z.strictObject({
  roles: z
    .array(
      z.enum(ACCESS_ROLES, {
        error: (i) => `Unknown role '${String(i.input)}': use one of ${ACCESS_ROLES.join(", ")}.`,
      }),
    )
    .min(1, "roles must list at least one role.")
    .max(3),
});
