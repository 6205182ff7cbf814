import { defineOperation } from "@/lib/http/operation";
import { createProjectInput } from "@/lib/marketplace/schemas";
import { waldurDialect as dialect } from "./errors";
import { waldurProjectOutput } from "./marketplace-schemas";

// Waldur's projects (`/api/projects/`): a Waldur project is an ARGO accounting project of a customer.
export const createProjectOperation = defineOperation({
  method: "POST",
  path: "/api/projects/",
  dialect,
  summary:
    "Create a project in a customer (its owners and managers, staff); it is an ARGO accounting project with the slug as id",
  tags: ["Waldur: projects"],
  auth: "required",
  body: createProjectInput,
  response: waldurProjectOutput,
  successStatus: 201,
});

export const projectOperations = [createProjectOperation];
