// GET/PATCH/DELETE /accounting-system/metric-types/{id} — the service's own types and those in use are kept
import { METRIC_TYPES } from "@/lib/accounting/type-registries";
import { metricTypeOps } from "@/lib/dialects/argo/accounting/type-operations";
import { typeItemRoutes } from "@/lib/dialects/argo/accounting/type-routes";

const routes = typeItemRoutes(METRIC_TYPES, metricTypeOps);
export const GET = routes.GET;
export const PATCH = routes.PATCH;
export const DELETE = routes.DELETE;
