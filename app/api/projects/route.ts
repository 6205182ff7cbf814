// POST /api/projects/ — a customer's owners and managers (and staff) create a project: an ARGO project of the customer (Waldur)
import { projectJson } from "@/lib/dialects/waldur/order-json";
import { createProjectOperation } from "@/lib/dialects/waldur/project-operations";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { createCustomerProject } from "@/lib/marketplace/create-project";

export const POST = handle(createProjectOperation, async (ctx) => {
  const { project, customer } = await createCustomerProject(ctx, ctx.body);
  return { status: 201, body: projectJson(requestOrigin(ctx.req), project, customer) };
});
