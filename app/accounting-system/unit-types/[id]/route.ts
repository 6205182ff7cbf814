// GET/PATCH/DELETE /accounting-system/unit-types/{id} — the service's own types and those in use are kept
import { UNIT_TYPES } from "@/lib/accounting/type-registries";
import { unitTypeOps } from "@/lib/dialects/argo/accounting/type-operations";
import { typeItemRoutes } from "@/lib/dialects/argo/accounting/type-routes";

const routes = typeItemRoutes(UNIT_TYPES, unitTypeOps);
export const GET = routes.GET;
export const PATCH = routes.PATCH;
export const DELETE = routes.DELETE;
