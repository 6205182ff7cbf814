import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/zod-errors";

const FIELD = "providerCustomerData";
const text = (max = 200) =>
  z.string({ error: "Required: a string." }).trim().min(1, "Required.").max(max, `At most ${max} characters.`);
const bool = z.boolean({ error: "Required: true or false." });
const email = z.email({ error: "A valid email address." }).max(254);

// Seed 004: the properties a Microsoft provider instance needs for each customer.
export const microsoftCustomerData = z.object({
  Domain: z
    .string({ error: "Required: the customer's onmicrosoft.com domain prefix (e.g. TestDomain) or full domain." })
    .trim()
    .regex(
      /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
      "Letters, digits and hyphens (e.g. TestDomain or testdomain.onmicrosoft.com).",
    ),
  CredentialsEmail: email,
  AcceptedMCA: z.literal(true, { error: "The customer must accept the Microsoft Customer Agreement (true)." }),
  AgreementDate: z.iso.datetime({ offset: true, error: "An ISO-8601 date and time such as 2022-12-28T00:00:00Z." }),
  KeepPrimaryInformation: bool,
  FirstName: text(),
  LastName: text(),
  Email: email,
  Phone: z
    .union([z.string(), z.number().int().nonnegative()], { error: "Required: a phone number." })
    .transform((v, ctx) => {
      const s = String(v).trim();
      if (!/^\+?[0-9][0-9 ()-]{3,30}$/.test(s))
        ctx.addIssue({ code: "custom", message: "A phone number such as 921231231 or +45 12 34 56 78." });
      return s;
    }),
  DefaultCulture: z
    .string({ error: "Required: a culture such as en-US." })
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A culture such as en-US."),
  Language: z
    .string({ error: "Required: a language such as en." })
    .regex(/^[a-z]{2,3}$/, "A two- or three-letter language code such as en."),
  AssociatedPartnerId: z
    .union([z.string(), z.number().int().nonnegative()], { error: "Required: the partner id (MPN id)." })
    .transform((v, ctx) => {
      const s = String(v).trim();
      if (!/^[0-9]{1,20}$/.test(s)) ctx.addIssue({ code: "custom", message: "Digits only, such as 6234552." });
      return s;
    }),
  Qualifications: z.array(z.string().trim().min(1).max(100), { error: "Required: a list, possibly empty." }).max(20),
  EnableGDAP: bool,
});
export type MicrosoftCustomerData = z.infer<typeof microsoftCustomerData>;
export const MICROSOFT_CUSTOMER_FIELDS = Object.keys(microsoftCustomerData.shape) as (keyof MicrosoftCustomerData)[];

/** Property names matched case-insensitively (as .NET clients send them), canonical casing kept. */
function canonicalKeys(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const canonical = MICROSOFT_CUSTOMER_FIELDS.find((f) => f.toLowerCase() === k.toLowerCase());
    out[canonical ?? k] = v;
  }
  return out;
}

function fail(errors: FieldErrors): never {
  throw new AppError("validation", `Invalid ${Object.keys(errors).join(", ")}`, errors);
}

/**
 * The stored form of `providerCustomerData` for an instance type: for Microsoft the JSON object (sent as
 * JSON text or as an object) validated property by property; for other types the text as sent.
 */
export function normaliseProviderCustomerData(
  type: string,
  data: string | Record<string, unknown> | null,
): string | null {
  if (type !== "microsoft") return data === null || typeof data === "string" ? data : JSON.stringify(data);
  if (data === null)
    fail({
      [FIELD]: [
        "A Microsoft provider instance needs the customer's data: " + MICROSOFT_CUSTOMER_FIELDS.join(", ") + ".",
      ],
    });
  let obj: unknown = data;
  if (typeof data === "string") {
    try {
      obj = JSON.parse(data);
    } catch {
      fail({ [FIELD]: ["Must be a JSON object (sent as JSON text) with the Microsoft customer properties."] });
    }
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj))
    fail({ [FIELD]: ["Must be a JSON object with the Microsoft customer properties."] });
  const parsed = microsoftCustomerData.safeParse(canonicalKeys(obj as Record<string, unknown>));
  if (!parsed.success) fail(fieldErrorsOf(parsed.error, FIELD));
  return JSON.stringify(parsed.data);
}
