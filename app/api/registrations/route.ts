// GET /api/registrations — the approval queue (admin, support), polled by the queue page
import { listRegistrationsOperation } from "@/lib/dialects/portal/registration-operations";
import { handle } from "@/lib/http/handle";
import { readRegistrationQueue } from "@/lib/registration/read-registrations";

export const GET = handle(listRegistrationsOperation, async (ctx) => ({
  body: await readRegistrationQueue(ctx, ctx.query),
  headers: { "cache-control": "no-store" },
}));
