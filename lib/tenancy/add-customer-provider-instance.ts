import { and, eq } from "drizzle-orm";
import { customerProviderInstances, type CustomerProviderInstanceRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { z } from "zod";
import type { Executor } from "@/lib/db/client";
import { AppError, notFound, type FieldErrors } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/zod-errors";
import { requireCspOrReseller, resellerScope, tenantAccess } from "./access";
import { offerTypeMarginsToStore } from "./customer-provider-instance-margins";
import { normaliseProviderCustomerData } from "./provider-customer-data";
import { findProviderInstance, findReseller, getCustomer } from "./queries";
import { customerProviderInstanceInput, type CustomerProviderInstanceInput } from "./schemas";

/** Input errors and the instance type's customer-data errors together, so a form shows every field's problem at once. */
async function parseAllFields(db: Executor, tenantId: string, input: CustomerProviderInstanceInput) {
  const parsed = customerProviderInstanceInput.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const instanceId = (input as { providerInstanceId?: unknown }).providerInstanceId;
  const instance =
    typeof instanceId === "string" && z.uuid().safeParse(instanceId).success
      ? await findProviderInstance(db, tenantId, instanceId)
      : undefined;
  if (instance) {
    try {
      normaliseProviderCustomerData(
        instance.type,
        (input as { providerCustomerData?: string | Record<string, unknown> | null }).providerCustomerData ?? null,
      );
    } catch (e) {
      if (!(e instanceof AppError) || !e.fieldErrors) throw e;
      Object.assign(errors, e.fieldErrors);
    }
  }
  if (!parsed.success || Object.keys(errors).length) {
    const names = Object.keys(errors);
    throw new AppError(
      "validation",
      `Invalid ${names.join(", ")}: ${errors[names[0]]?.[0] ?? "invalid input"}`,
      errors,
    );
  }
  return parsed.data;
}

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string })?.code === "23505" || (e as { cause?: { code?: string } })?.cause?.code === "23505";
const duplicate = () =>
  new AppError("conflict", "This provider instance is already added to this customer.", {
    providerInstanceId: ["Already added to this customer."],
  });

/**
 * Seed 004: add a provider instance to a customer with its margins. A reseller only for its own customers
 * (and never naming resellerId); a csp for any customer, optionally naming the reseller it sells through.
 */
export async function addCustomerProviderInstance(
  ctx: ServiceContext,
  tenantDomain: string | null,
  customerId: string,
  input: CustomerProviderInstanceInput,
  opts: { resellerId?: string | null } = {},
): Promise<CustomerProviderInstanceRow> {
  const access = requireCspOrReseller(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  const requested = resellerScope(access, opts.resellerId);
  const data = await parseAllFields(ctx.db, access.tenant.id, input);
  const offerTypeMargins = offerTypeMarginsToStore(data.offerTypeMargins);
  try {
    return await ctx.db.transaction(async (tx) => {
      if (access.role === "csp" && requested && !(await findReseller(tx, access.tenant.id, requested)))
        throw new AppError("not_found", "Reseller not found in this tenant.", {
          resellerId: ["No reseller with this id in this tenant."],
        });
      const customer = await getCustomer(tx, access, customerId);
      if (access.role === "csp" && requested && customer.resellerId !== requested)
        throw new AppError("bad_request", "This customer is not a customer of that reseller.", {
          resellerId: ["The customer does not belong to this reseller."],
        });
      const instance = await findProviderInstance(tx, access.tenant.id, data.providerInstanceId);
      if (!instance) throw notFound("Provider instance");
      const providerCustomerData = normaliseProviderCustomerData(instance.type, data.providerCustomerData);
      const [dup] = await tx
        .select({ id: customerProviderInstances.id })
        .from(customerProviderInstances)
        .where(
          and(
            eq(customerProviderInstances.customerId, customer.id),
            eq(customerProviderInstances.providerInstanceId, instance.id),
          ),
        );
      if (dup) throw duplicate();
      const [row] = await tx
        .insert(customerProviderInstances)
        .values({
          tenantId: access.tenant.id,
          customerId: customer.id,
          providerInstanceId: instance.id,
          resellerId: requested ?? customer.resellerId,
          providerCustomerData,
          marginRule: data.margin.rule,
          marginValue: data.margin.value,
          offerTypeMargins,
          createdBy: access.actor.id,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: "customer_provider_instance.add",
        entityType: "customer_provider_instance",
        entityId: row.id,
        summary: {
          tenant: access.tenant.domain,
          customerId: customer.id,
          providerInstanceId: instance.id,
          margin: data.margin,
          offerTypeMargins,
        },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(); // a concurrent add of the same pair
    throw e;
  }
}
