import { z } from "zod";

// Waldur's customer fields that Portico's organisation keeps.
export const createCustomerInput = z.object({
  name: z
    .string({ error: "This field is required." })
    .trim()
    .min(1, "This field may not be blank.")
    .max(150, "Ensure this field has no more than 150 characters."),
  abbreviation: z.string().trim().max(12, "Ensure this field has no more than 12 characters.").default(""),
  email: z.union([z.literal(""), z.email({ error: "Enter a valid email address." }).max(254)]).default(""),
  country: z.union([z.literal(""), z.string().regex(/^[A-Z]{2}$/, "Use a two-letter country code.")]).default(""),
});
export type CreateCustomerInput = z.input<typeof createCustomerInput>;
