// POST /api/providers/approve — admin approves a signed request → {id} of the new provider; the welcome goes out through the outbox
import { approveProviderOperation } from "@/lib/dialects/ucloud/operations";
import { handle } from "@/lib/http/handle";
import { approveRegistration } from "@/lib/registration/approve-registration";
import { kickWelcomeDelivery } from "@/lib/registration/kick-welcome";

export const POST = handle(approveProviderOperation, async (ctx) => {
  const { provider, outbox } = await approveRegistration(ctx, { token: ctx.body.token });
  ctx.afterCommit((db) => kickWelcomeDelivery(db, outbox.id));
  return { body: { id: String(provider.resourceNumber) } };
});
