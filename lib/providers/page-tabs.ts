import { z } from "zod";
import type { ProviderRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { registrationAccess } from "@/lib/registration/retrieve-registered-provider";
import { hasProviderAccess } from "./access";

export const PROVIDER_TABS = ["profile", "registration", "offerings", "usage"] as const;
export type ProviderTab = (typeof PROVIDER_TABS)[number];

/** `?tab=` of the provider page; anything unknown is the profile. */
export const providerTabParam = z.enum(PROVIDER_TABS).catch("profile");

/**
 * The provider page's tabs the actor may open: everyone the profile and the offerings (the list itself
 * shows only the offerings they may see); the registration for providers that came in by UCloud
 * registration, to whoever may retrieve it; the usage to whoever may read the provider's reports.
 */
export async function providerTabsFor(db: Executor, actor: Actor, provider: ProviderRow): Promise<ProviderTab[]> {
  const [registration, usage] = await Promise.all([
    provider.source === "registration" ? registrationAccess(db, actor, provider) : null,
    hasProviderAccess(db, actor, provider.id, "read_reports"),
  ]);
  return PROVIDER_TABS.filter((t) => (t === "registration" ? registration !== null : t === "usage" ? usage : true));
}
