import { randomBytes } from "node:crypto";

/** ARGO shows MongoDB-style ids: 24 hex characters. */
export const newObjectId = (): string => randomBytes(12).toString("hex");
