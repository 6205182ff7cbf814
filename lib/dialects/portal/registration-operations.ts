import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { listRegistrationsQuery, REGISTRATION_STATES, registrationOutput } from "@/lib/registration/schemas";
import { portalDialect } from "./errors";

const dialect = portalDialect;
const tags = ["Registrations"];

export const listRegistrationsOperation = defineOperation({
  method: "GET",
  path: "/api/registrations",
  dialect,
  summary: "The approval queue: registration requests by state, with counts (admin, support)",
  tags,
  auth: "required",
  query: listRegistrationsQuery,
  response: z.object({
    items: z.array(registrationOutput),
    total: z.number(),
    page: z.number(),
    size: z.number(),
    counts: z.record(z.enum(REGISTRATION_STATES), z.number()),
  }),
});

export const getRegistrationOperation = defineOperation({
  method: "GET",
  path: "/api/registrations/{id}",
  dialect,
  summary: "One registration request and its live state (admin, support, its requester or signer)",
  tags,
  auth: "required",
  params: z.object({ id: z.uuid("Not a valid id.") }),
  response: registrationOutput,
});

export const registrationPortalOperations = [listRegistrationsOperation, getRegistrationOperation];
