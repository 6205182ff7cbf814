import { z } from "zod";
import { createUserInput } from "@/lib/users/schemas";

const email = createUserInput.shape.email;
const token = z.string().trim().min(1, "The link's token is missing.").max(100, "Not a valid link.");
const password = z.string().min(1, "Choose a password.").max(1024, "At most 1024 characters.");

export const signupRequestInput = z.strictObject({
  email,
  name: z.string().trim().min(1, "Enter your name.").max(200, "At most 200 characters."),
});
export type SignupRequestInput = z.input<typeof signupRequestInput>;

export const completeSignupInput = z.strictObject({
  token,
  username: createUserInput.shape.username,
  password,
  name: z.string().trim().max(200, "At most 200 characters.").optional(),
});
export type CompleteSignupInput = z.input<typeof completeSignupInput>;

export const passwordResetRequestInput = z.strictObject({ email });
export type PasswordResetRequestInput = z.input<typeof passwordResetRequestInput>;

export const resetPasswordInput = z.strictObject({ token, password });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

/** The answer to a request that sends a link: the same whether or not the address has an account. */
export const linkSentOutput = z.object({ detail: z.string() });

export const accountCreatedOutput = z.object({ id: z.uuid(), username: z.string(), email: z.string() });
export const passwordResetOutput = z.object({ detail: z.string() });
