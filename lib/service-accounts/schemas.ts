import { z } from "zod";

const text = (max: number) =>
  z.string({ error: "Not a valid string." }).trim().max(max, `Ensure this field has no more than ${max} characters.`);
const flag = z.boolean({ error: "Must be a valid boolean." });

/** Waldur `POST /api/users/`: a person or service account with Waldur's profile fields. */
export const createWaldurUserInput = z.object({
  username: z
    .string({ error: (i) => (i.input === undefined ? "This field is required." : "Not a valid string.") })
    .trim()
    .min(1, "This field may not be blank.")
    .max(128, "Ensure this field has no more than 128 characters.")
    .regex(
      /^[\w.@+-]+$/,
      "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.",
    ),
  email: z
    .email({ error: "Enter a valid email address." })
    .max(254)
    .transform((s) => s.toLowerCase()),
  first_name: text(100).default(""),
  last_name: text(100).default(""),
  native_name: text(100).default(""),
  job_title: text(120).default(""),
  phone_number: text(255).default(""),
  organization: text(255).default(""),
  description: text(2000).default(""),
  civil_number: text(50).nullable().default(null),
  preferred_language: text(10).default(""),
  is_staff: flag.default(false),
  is_support: flag.default(false),
  is_active: flag.default(true),
  agree_with_policy: flag.default(false),
  /** Seconds a token of this user lives; null = never expires. Waldur's default is 3600. */
  token_lifetime: z
    .number({ error: "A valid integer is required." })
    .int("A valid integer is required.")
    .min(60, "Ensure this value is greater than or equal to 60.")
    .max(31_536_000)
    .nullable()
    .default(3600),
});
export type CreateWaldurUserInput = z.input<typeof createWaldurUserInput>;
