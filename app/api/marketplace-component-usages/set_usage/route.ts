// POST /api/marketplace-component-usages/set_usage/ — the site agent sets a resource's usage per component → 201 (Waldur)
import { setUsageOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { setComponentUsage } from "@/lib/marketplace/set-usage";

export const POST = handle(setUsageOperation, async (ctx) => {
  await setComponentUsage(ctx, ctx.body);
  return { status: 201 };
});
