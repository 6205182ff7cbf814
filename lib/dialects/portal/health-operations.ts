import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { portalDialect } from "./errors";

const dialect = portalDialect;
const tags = ["Operations"];

export const healthOperation = defineOperation({
  method: "GET",
  path: "/api/health",
  dialect,
  summary:
    "Liveness: 200 while this process answers requests. Reads no database, needs no authentication, never rate-limited (a load balancer's or Kubernetes' liveness probe)",
  tags,
  auth: "none",
  response: z.object({ status: z.literal("ok") }),
});

export const healthOperations = [healthOperation];
