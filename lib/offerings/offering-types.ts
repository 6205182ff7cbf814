import { z } from "zod";

/** One integration option of an offering type: drives both API validation and the wizard's form. */
export type OptionSpec = {
  key: string;
  label: string;
  kind: "string" | "integer" | "boolean" | "choice" | "url";
  choices?: string[];
  min?: number;
  help?: string;
};

export type OfferingTypeSpec = {
  type: string;
  label: string;
  pluginOptions: OptionSpec[];
  secretOptions: OptionSpec[];
};

const USERNAME_POLICIES = [
  "service_provider",
  "anonymized",
  "full_name",
  "waldur_username",
  "freeipa",
  "identity_claim",
];
const ACCOUNT_POLICIES = ["project_slug"];

// Waldur's plugin types Portico knows; each declares the plugin options and secret options it accepts.
export const OFFERING_TYPES: OfferingTypeSpec[] = [
  {
    type: "Marketplace.Slurm",
    label: "SLURM cluster (site agent)",
    pluginOptions: [
      { key: "homedir_prefix", label: "Home directory prefix", kind: "string", help: "e.g. /home/" },
      { key: "initial_uidnumber", label: "Initial UID number", kind: "integer", min: 0 },
      { key: "initial_usergroup_number", label: "Initial user group number", kind: "integer", min: 0 },
      { key: "initial_primarygroup_number", label: "Initial primary group number", kind: "integer", min: 0 },
      { key: "username_anonymized_prefix", label: "Anonymised username prefix", kind: "string" },
      {
        key: "username_generation_policy",
        label: "Username generation policy",
        kind: "choice",
        choices: USERNAME_POLICIES,
      },
      {
        key: "account_name_generation_policy",
        label: "Account name generation policy",
        kind: "choice",
        choices: ACCOUNT_POLICIES,
      },
      { key: "supports_pausing", label: "Supports pausing", kind: "boolean" },
      { key: "supports_downscaling", label: "Supports downscaling", kind: "boolean" },
      {
        key: "service_provider_can_create_offering_user",
        label: "Service provider can create offering users",
        kind: "boolean",
      },
    ],
    secretOptions: [],
  },
  {
    type: "Marketplace.Basic",
    label: "Basic (manually provisioned)",
    pluginOptions: [
      { key: "auto_approve_remote_orders", label: "Approve orders automatically", kind: "boolean" },
      {
        key: "service_provider_can_create_offering_user",
        label: "Service provider can create offering users",
        kind: "boolean",
      },
    ],
    secretOptions: [],
  },
  {
    type: "Marketplace.Remote",
    label: "Remote Waldur",
    pluginOptions: [{ key: "auto_approve_remote_orders", label: "Approve orders automatically", kind: "boolean" }],
    secretOptions: [
      { key: "api_url", label: "Remote API URL", kind: "url" },
      { key: "token", label: "Remote API token", kind: "string" },
      { key: "customer_uuid", label: "Remote customer UUID", kind: "string" },
    ],
  },
  {
    type: "OpenStack.Tenant",
    label: "OpenStack tenant",
    pluginOptions: [
      { key: "availability_zone", label: "Availability zone", kind: "string" },
      { key: "default_volume_type_name", label: "Default volume type", kind: "string" },
      { key: "max_instances", label: "Maximum instances", kind: "integer", min: 0 },
    ],
    secretOptions: [
      { key: "backend_url", label: "Keystone URL", kind: "url" },
      { key: "username", label: "Username", kind: "string" },
      { key: "password", label: "Password", kind: "string" },
      { key: "tenant_name", label: "Tenant name", kind: "string" },
      { key: "domain", label: "Domain", kind: "string" },
    ],
  },
];

export const OFFERING_TYPE_NAMES = OFFERING_TYPES.map((t) => t.type) as [string, ...string[]];

export const offeringTypeSpec = (type: string): OfferingTypeSpec | undefined =>
  OFFERING_TYPES.find((t) => t.type === type);

function optionSchema(o: OptionSpec): z.ZodType {
  switch (o.kind) {
    case "integer":
      return z
        .number({ error: "A valid integer is required." })
        .int("A valid integer is required.")
        .min(o.min ?? Number.MIN_SAFE_INTEGER, `Ensure this value is greater than or equal to ${o.min}.`);
    case "boolean":
      return z.boolean({ error: "Must be a valid boolean." });
    case "choice":
      return z.enum(o.choices as [string, ...string[]], { error: `Must be one of: ${o.choices!.join(", ")}.` });
    case "url":
      return z.url({ error: "Enter a valid URL." }).max(500);
    default:
      return z.string({ error: "Not a valid string." }).max(500, "Ensure this field has no more than 500 characters.");
  }
}

/** A strict object of the type's options: unknown keys and wrong types are refused, every key optional. */
export function optionsSchema(specs: OptionSpec[], nullable = false): z.ZodType<Record<string, unknown>> {
  const shape = Object.fromEntries(
    specs.map((o) => [o.key, nullable ? optionSchema(o).nullable().optional() : optionSchema(o).optional()]),
  );
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys" ? `Unknown option(s): ${iss.keys.join(", ")}.` : "Expected an object.",
  });
}
