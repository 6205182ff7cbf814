"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { addCustomerProviderInstance } from "@/lib/tenancy/add-customer-provider-instance";
import { addTenantMember } from "@/lib/tenancy/add-tenant-member";
import { createCustomer } from "@/lib/tenancy/create-customer";
import { createProviderInstance } from "@/lib/tenancy/create-provider-instance";
import { createTenant } from "@/lib/tenancy/create-tenant";
import { removeCustomerProviderInstance } from "@/lib/tenancy/remove-customer-provider-instance";
import { removeTenantMember } from "@/lib/tenancy/remove-tenant-member";
import { updateCustomerProviderInstanceMargins } from "@/lib/tenancy/update-customer-provider-instance";
import { customerDataFromForm, marginsFromForm } from "./form-data";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v.trim() : "";
};
const path = (domain: string) => `/tenants/${encodeURIComponent(domain)}`;

export async function createTenantAction(
  _prev: ActionResult<{ domain: string }>,
  form: FormData,
): Promise<ActionResult<{ domain: string }>> {
  const result = await runAction(async (ctx) => ({
    domain: (await createTenant(ctx, { domain: text(form, "domain"), name: text(form, "name") })).domain,
  }));
  if (result.ok) revalidatePath("/tenants");
  return result;
}

export async function addMemberAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const domain = text(form, "tenant");
  const role = text(form, "role") as "csp" | "reseller";
  const result = await runAction(
    async (ctx) =>
      void (await addTenantMember(ctx, domain, {
        user: text(form, "user"),
        role,
        resellerId: role === "reseller" ? text(form, "resellerId") || null : null,
      })),
  );
  if (result.ok) revalidatePath(path(domain));
  return result;
}

export async function removeMemberAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const domain = text(form, "tenant");
  const result = await runAction(async (ctx) => removeTenantMember(ctx, domain, text(form, "userId")));
  if (result.ok) revalidatePath(path(domain));
  return result;
}

export async function createCustomerAction(
  _prev: ActionResult<{ name: string }>,
  form: FormData,
): Promise<ActionResult<{ name: string }>> {
  const domain = text(form, "tenant");
  const result = await runAction(async (ctx) => {
    const row = await createCustomer(
      ctx,
      domain,
      { name: text(form, "name"), email: text(form, "email"), country: text(form, "country") },
      { resellerId: text(form, "resellerId") || null },
    );
    return { name: row.name };
  });
  if (result.ok) revalidatePath(path(domain));
  return result;
}

export async function createProviderInstanceAction(
  _prev: ActionResult<{ name: string }>,
  form: FormData,
): Promise<ActionResult<{ name: string }>> {
  const domain = text(form, "tenant");
  const type = text(form, "type") as "microsoft";
  const result = await runAction(async (ctx) => {
    const row = await createProviderInstance(ctx, domain, {
      name: text(form, "name"),
      type,
      providerId: type === ("portico" as string) ? text(form, "providerId") || null : null,
    });
    return { name: row.name };
  });
  if (result.ok) revalidatePath(path(domain));
  return result;
}

export async function addCustomerInstanceAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const domain = text(form, "tenant");
  const customerId = text(form, "customerId");
  const result = await runAction(async (ctx) => {
    const { margin, offerTypeMargins } = marginsFromForm(form);
    await addCustomerProviderInstance(ctx, domain, customerId, {
      providerInstanceId: text(form, "providerInstanceId"),
      providerCustomerData: customerDataFromForm(form),
      margin,
      offerTypeMargins,
    });
  });
  if (result.ok) revalidatePath(`${path(domain)}/customers/${customerId}`);
  return result;
}

export async function updateMarginsAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const domain = text(form, "tenant");
  const customerId = text(form, "customerId");
  const result = await runAction(
    async (ctx) =>
      void (await updateCustomerProviderInstanceMargins(
        ctx,
        domain,
        customerId,
        text(form, "providerInstanceId"),
        marginsFromForm(form),
      )),
  );
  if (result.ok) revalidatePath(`${path(domain)}/customers/${customerId}`);
  return result;
}

export async function removeCustomerInstanceAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const domain = text(form, "tenant");
  const customerId = text(form, "customerId");
  const result = await runAction(async (ctx) =>
    removeCustomerProviderInstance(ctx, domain, customerId, text(form, "providerInstanceId")),
  );
  if (result.ok) revalidatePath(`${path(domain)}/customers/${customerId}`);
  return result;
}
