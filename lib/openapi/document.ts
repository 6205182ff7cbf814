import { z } from "zod";
import type { Operation } from "@/lib/http/operation";

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete out.$schema;
  return out;
};

function parameters(schema: z.ZodType | undefined, where: "query" | "path" | "header") {
  if (!schema) return [];
  const s = jsonSchema(schema, "input");
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, p]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    ...(p.description ? { description: p.description } : {}),
    schema: p,
  }));
}

const errorSchemaRef = (op: Operation) => ({ $ref: `#/components/schemas/${op.dialect.name}Error` });

/** OpenAPI 3.1 generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(ops: Operation[], serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const success = String(op.successStatus ?? 200);
    const responses: Record<string, unknown> = {
      [success]: {
        description: "Success",
        ...(op.response ? { content: { "application/json": { schema: jsonSchema(op.response, "output") } } } : {}),
      },
      "4XX": {
        description: `Client error in the ${op.dialect.name} dialect's error shape`,
        content: { "application/json": { schema: errorSchemaRef(op) } },
      },
    };
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = {
      summary: op.summary,
      tags: op.tags,
      operationId: `${op.method.toLowerCase()}${op.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c?: string) => (c ? c.toUpperCase() : ""))}`,
      parameters: [
        ...parameters(op.params, "path"),
        ...parameters(op.query, "query"),
        ...parameters(op.headers, "header"),
        { $ref: "#/components/parameters/CorrelationId" },
      ],
      ...(op.body && op.bodyFormat !== "raw"
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } }
        : {}),
      ...(op.bodyFormat === "raw"
        ? {
            requestBody: {
              required: true,
              content: { "application/json": {}, "application/x-ndjson": {}, "text/csv": {} },
            },
          }
        : {}),
      ...(op.auth === "none" ? { security: [] } : {}),
      responses,
    };
  }
  const str = { type: "string" };
  return {
    openapi: "3.1.0",
    info: {
      title: "Portico API",
      version: "0.1.0",
      description: "One domain core, four dialects (UCloud, Waldur, ARGO, CloudCockpit) and the portal's own API.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { token: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token or provider access token" },
        token: { type: "apiKey", in: "header", name: "Authorization", description: "Waldur style: `Token <token>`" },
      },
      parameters: {
        CorrelationId: {
          name: "X-Correlation-Id",
          in: "header",
          required: false,
          schema: str,
          description: "Echoed on the response; generated when absent",
        },
      },
      schemas: {
        portalError: {
          type: "object",
          properties: {
            statusCode: { type: "integer" },
            type: str,
            description: str,
            correlationId: str,
            errors: {
              type: "array",
              items: { type: "object", properties: { propertyName: str, description: { type: "array", items: str } } },
            },
          },
        },
        cloudcockpitError: { $ref: "#/components/schemas/portalError" },
        ucloudError: { type: "object", properties: { why: str, errorCode: str, correlationId: str } },
        waldurError: { type: "object", additionalProperties: true, description: "`{detail}` or `{field: [messages]}`" },
        argoError: { type: "object", properties: { code: { type: "integer" }, message: str, correlation_id: str } },
      },
    },
  };
}
