// One schema, one set of migrations, for PGlite and PostgreSQL alike. Each domain adds its file here.
export * from "./accounts";
export * from "./tokens";
export * from "./audit";
export * from "./system";
export * from "./providers";
export * from "./tenancy";
export * from "./registration";
export * from "./registry";
export * from "./offerings";
export * from "./accounting";
export * from "./accounting-types";
export * from "./notifications";
export * from "./marketplace";
export * from "./webhooks";
export * from "./identity";
