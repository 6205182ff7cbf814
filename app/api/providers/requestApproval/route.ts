// POST /api/providers/requestApproval — "information": an integration module asks to register (→ token); "sign": its sysadmin signs
import { requestApprovalOperation } from "@/lib/dialects/ucloud/operations";
import { handle } from "@/lib/http/handle";
import { requestRegistration } from "@/lib/registration/request-registration";
import { signRegistration } from "@/lib/registration/sign-registration";

export const POST = handle(requestApprovalOperation, async (ctx) => {
  const { body } = ctx;
  if (body.type === "information") {
    const { token } = await requestRegistration(
      { ...ctx, actor: ctx.actor },
      { specification: body.specification, origin: "integration_module", requesterIp: ctx.ip },
    );
    return { body: { type: "requires_signature", token }, headers: { "cache-control": "no-store" } };
  }
  await signRegistration(ctx, body.token);
  return { body: { type: "requires_signature", token: body.token }, headers: { "cache-control": "no-store" } };
});
