// DELETE /accounting-system/installations/{id}/capacities/{capacityId}
import { deleteCapacity } from "@/lib/accounting/capacities";
import { deleteCapacityOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const DELETE = handle(deleteCapacityOp, async (ctx) => {
  await deleteCapacity(ctx, ctx.params.id, ctx.params.capacityId);
  return { body: { code: 200, message: "Capacity has been deleted successfully." } };
});
