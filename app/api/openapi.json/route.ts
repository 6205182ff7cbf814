// GET /api/openapi.json — the OpenAPI 3.1 document of every dialect, generated from the handlers' zod schemas
import { openapiOperation } from "@/lib/dialects/portal/operations";
import { handle } from "@/lib/http/handle";
import { allOperations } from "@/lib/openapi/all-operations";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(openapiOperation, async ({ req }) => ({
  body: buildOpenApiDocument(allOperations, requestOrigin(req)),
}));
