"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { createProvider } from "@/lib/providers/create-provider";
import { deleteProvider } from "@/lib/providers/delete-provider";
import {
  assignEntitlement,
  createEntitlement,
  deleteEntitlement,
  unassignEntitlement,
} from "@/lib/providers/entitlements";
import type { AccessRole } from "@/lib/providers/entitlement-name";
import { importCatalogueNow, type CatalogueImportSummary } from "@/lib/providers/import-catalogue";
import { deleteProviderAcl, setProviderAcl } from "@/lib/providers/provider-acl";
import { updateProvider } from "@/lib/providers/update-provider";
import { rotateRefreshToken } from "@/lib/registration/refresh-credentials";
import { retryWelcomeNow } from "@/lib/registration/retry-welcome";

const text = (form: FormData, k: string) => String(form.get(k) ?? "");
const profile = (form: FormData) => ({
  id: text(form, "id"),
  name: text(form, "name"),
  website: text(form, "website"),
  abbreviation: text(form, "abbreviation"),
  logo: text(form, "logo"),
});

export async function createProviderAction(
  _prev: ActionResult<{ id: string }>,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (ctx) => ({ id: (await createProvider(ctx, profile(form), "portal")).id }));
  if (result.ok && result.data) {
    revalidatePath("/providers");
    redirect(`/providers/${encodeURIComponent(result.data.id)}?created=1`);
  }
  return result;
}

export async function updateProviderAction(
  _prev: ActionResult<{ id: string }>,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  const current = text(form, "currentId");
  const result = await runAction(async (ctx) => ({ id: (await updateProvider(ctx, current, profile(form))).id }));
  if (result.ok && result.data && result.data.id !== current)
    redirect(`/providers/${encodeURIComponent(result.data.id)}?saved=1`);
  revalidatePath(`/providers/${encodeURIComponent(current)}`);
  return result;
}

export async function deleteProviderAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async (ctx) => void (await deleteProvider(ctx, text(form, "providerId"))));
  if (result.ok) {
    revalidatePath("/providers");
    redirect("/providers?deleted=1");
  }
  return result;
}

export async function importCatalogueAction(): Promise<ActionResult<CatalogueImportSummary>> {
  const result = await runAction((ctx) => importCatalogueNow(ctx));
  revalidatePath("/providers");
  return result;
}

export async function setAclAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const providerId = text(form, "providerId");
  const roles = form.getAll("roles").map(String) as AccessRole[];
  const result = await runAction(
    async (ctx) =>
      void (await setProviderAcl(
        ctx,
        { providerId, projectId: text(form, "projectId").trim(), who: text(form, "who").trim() },
        { roles },
      )),
  );
  revalidatePath(`/providers/${encodeURIComponent(providerId)}`);
  return result;
}

export async function deleteAclAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const providerId = text(form, "providerId");
  const result = await runAction(
    async (ctx) =>
      void (await deleteProviderAcl(ctx, { providerId, projectId: text(form, "projectId"), who: text(form, "who") })),
  );
  revalidatePath(`/providers/${encodeURIComponent(providerId)}`);
  return result;
}

export async function createEntitlementAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const providerId = text(form, "providerId");
  const name = `${text(form, "namespace").trim()}:group:accounting:${text(form, "projectId").trim()}:${providerId}:role=${text(form, "role")}`;
  const result = await runAction(async (ctx) => void (await createEntitlement(ctx, { name })));
  revalidatePath(`/providers/${encodeURIComponent(providerId)}`);
  return result;
}

export async function assignEntitlementAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(
    async (ctx) => void (await assignEntitlement(ctx, text(form, "entitlementId"), text(form, "actor").trim())),
  );
  revalidatePath(`/providers/${encodeURIComponent(text(form, "providerId"))}`);
  return result;
}

export async function unassignEntitlementAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(
    async (ctx) => void (await unassignEntitlement(ctx, text(form, "entitlementId"), text(form, "actor"))),
  );
  revalidatePath(`/providers/${encodeURIComponent(text(form, "providerId"))}`);
  return result;
}

export async function deleteEntitlementAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async (ctx) => void (await deleteEntitlement(ctx, text(form, "entitlementId"))));
  revalidatePath(`/providers/${encodeURIComponent(text(form, "providerId"))}`);
  return result;
}

export async function rotateRefreshTokenAction(
  _prev: ActionResult<{ refreshToken: string }>,
  form: FormData,
): Promise<ActionResult<{ refreshToken: string }>> {
  const id = text(form, "id");
  const result = await runAction(async (ctx) => ({ refreshToken: (await rotateRefreshToken(ctx, id)).refreshToken }));
  revalidatePath(`/providers/${encodeURIComponent(id)}`);
  return result;
}

export async function retryWelcomeAction(
  _prev: ActionResult<{ outcome: string }>,
  form: FormData,
): Promise<ActionResult<{ outcome: string }>> {
  const result = await runAction(async (ctx) => ({ outcome: await retryWelcomeNow(ctx, text(form, "outboxId")) }));
  revalidatePath(`/providers/${encodeURIComponent(text(form, "id"))}`);
  return result;
}
