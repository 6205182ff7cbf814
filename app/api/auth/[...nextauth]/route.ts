// /api/auth/* — next-auth's own endpoints (sign-in, sign-out, session, CSRF)
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
