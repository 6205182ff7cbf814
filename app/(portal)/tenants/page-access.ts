import { forbidden, notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { tenantAccess, type TenantAccess } from "@/lib/tenancy/access";

/** The page's view of tenant access: unknown tenant → 404 page, no role → 403 page. */
export async function pageTenantAccess(db: Db, actor: Actor, domain: string): Promise<TenantAccess> {
  try {
    return await tenantAccess(db, actor, decodeURIComponent(domain));
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "forbidden") forbidden();
    throw e;
  }
}

/** Runs a lookup that may throw a not-found AppError, showing the 404 page instead. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
