import type { Dialect } from "@/lib/http/dialect";
import { portalDialect } from "@/lib/dialects/portal/errors";

// CloudCockpit's error body (seed 004) is the one the portal API also uses.
export const cloudcockpitDialect: Dialect = { ...portalDialect, name: "cloudcockpit" };
