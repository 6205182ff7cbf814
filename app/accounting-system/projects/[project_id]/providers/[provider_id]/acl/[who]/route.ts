// POST /accounting-system/projects/{project_id}/providers/{provider_id}/acl/{who} — grant roles (older ACL) · DELETE — remove them
import { deleteAclOperation, setAclOperation } from "@/lib/dialects/argo/provider-operations";
import { argoMessage } from "@/lib/dialects/argo/providers";
import { handle } from "@/lib/http/handle";
import { deleteProviderAcl, setProviderAcl } from "@/lib/providers/provider-acl";

export const POST = handle(setAclOperation, async (ctx) => {
  const { project_id: projectId, provider_id: providerId, who } = ctx.params;
  await setProviderAcl(ctx, { projectId, providerId, who }, ctx.body);
  return { body: argoMessage(200, "Provider Access Control was successfully created.") };
});

export const DELETE = handle(deleteAclOperation, async (ctx) => {
  const { project_id: projectId, provider_id: providerId, who } = ctx.params;
  await deleteProviderAcl(ctx, { projectId, providerId, who });
  return { body: argoMessage(200, "Provider Access Control was successfully deleted.") };
});
