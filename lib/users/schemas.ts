import { z } from "zod";

export const globalRoleSchema = z.enum(["admin", "support", "member"]);
export const userKindSchema = z.enum(["human", "service"]);

export const createUserInput = z.strictObject({
  email: z
    .email("Enter a valid email address.")
    .max(254)
    .transform((s) => s.toLowerCase()),
  username: z
    .string()
    .min(2, "At least 2 characters.")
    .max(64)
    .regex(/^[a-zA-Z0-9_.@+-]+$/, "Letters, digits and _ . @ + - only."),
  name: z.string().trim().max(200).default(""),
  kind: userKindSchema.default("human"),
  role: globalRoleSchema.default("member"),
  password: z.string().max(1024, "At most 1024 characters.").optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .strictObject({
    name: z.string().trim().max(200).optional(),
    role: globalRoleSchema.optional(),
    isActive: z.boolean().optional(),
    password: z.string().max(1024, "At most 1024 characters.").optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Nothing to change." });
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  username: z.string(),
  name: z.string(),
  kind: userKindSchema,
  role: globalRoleSchema,
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type UserOutput = z.infer<typeof userOutput>;

export const listUsersQuery = z.object({
  q: z.string().max(200).optional(),
  role: globalRoleSchema.optional(),
  kind: userKindSchema.optional(),
  active: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
