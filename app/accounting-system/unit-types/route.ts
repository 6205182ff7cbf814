// GET /accounting-system/unit-types — the registry, paged · POST — register a unit type
import { UNIT_TYPES } from "@/lib/accounting/type-registries";
import { unitTypeOps } from "@/lib/dialects/argo/accounting/type-operations";
import { typeCollectionRoutes } from "@/lib/dialects/argo/accounting/type-routes";

const routes = typeCollectionRoutes(UNIT_TYPES, unitTypeOps);
export const GET = routes.GET;
export const POST = routes.POST;
