import { z } from "zod";

export const createCategoryInput = z.object({
  title: z
    .string({ error: "This field is required." })
    .trim()
    .min(1, "This field may not be blank.")
    .max(255, "Ensure this field has no more than 255 characters."),
  description: z.string().max(4000, "Ensure this field has no more than 4000 characters.").default(""),
  icon: z.url({ error: "Enter a valid URL." }).max(500).nullable().default(null),
});
export type CreateCategoryInput = z.input<typeof createCategoryInput>;
