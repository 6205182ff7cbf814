// GET /accounting-system/metric-types — the registry, paged · POST — register a metric type
import { METRIC_TYPES } from "@/lib/accounting/type-registries";
import { metricTypeOps } from "@/lib/dialects/argo/accounting/type-operations";
import { typeCollectionRoutes } from "@/lib/dialects/argo/accounting/type-routes";

const routes = typeCollectionRoutes(METRIC_TYPES, metricTypeOps);
export const GET = routes.GET;
export const POST = routes.POST;
