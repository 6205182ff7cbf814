// GET /accounting-system/installations/{id}/capacities · POST — register a capacity
import { createCapacity, listCapacities } from "@/lib/accounting/capacities";
import { toArgoCapacity } from "@/lib/dialects/argo/accounting/mappers";
import { createCapacityOp, listCapacitiesOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(listCapacitiesOp, async (ctx) => ({
  body: (await listCapacities(ctx, ctx.params.id)).map(toArgoCapacity),
}));

export const POST = handle(createCapacityOp, async (ctx) => ({
  status: 201,
  body: toArgoCapacity(await createCapacity(ctx, ctx.params.id, ctx.body)),
}));
