// GET /api/registrations/{id} — one request's live state, polled by the onboarding wizard after submit
import { getRegistrationOperation } from "@/lib/dialects/portal/registration-operations";
import { handle } from "@/lib/http/handle";
import { readRegistration } from "@/lib/registration/read-registrations";

export const GET = handle(getRegistrationOperation, async (ctx) => ({
  body: await readRegistration(ctx, ctx.params.id),
  headers: { "cache-control": "no-store" },
}));
