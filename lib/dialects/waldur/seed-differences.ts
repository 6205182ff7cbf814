import { config } from "@/lib/config";

// Where seed 001 and Waldur's published schema (../shared/clients/waldur-openapi.yaml) disagree, the seed is
// Portico's default and `PORTICO_WALDUR_SUCCESS_CODES=waldur` answers as the schema declares. This list is the
// one place that names those differences: the handlers read their statuses from it, the schema contract
// (`npm test -- contract`) tolerates exactly these in the default mode and requires each to show, and the
// README's Waldur section lists them. Each names the seed lines it follows.

/** `seed` (default): seed 001's answers; `waldur`: Waldur's schema's. */
export type WaldurAnswers = "seed" | "waldur";

export const waldurAnswers = (): WaldurAnswers => config.waldurSuccessCodes;

export type SeedDifference = {
  /** Operations whose answers differ: METHOD and Waldur's path template. */
  operations: string[];
  /** The seed lines Portico's default follows. */
  seed: string;
  /** Portico's default, in words. */
  byDefault: string;
  /** What `PORTICO_WALDUR_SUCCESS_CODES=waldur` answers instead (what Waldur's schema declares). */
  withWaldur: string;
} & (
  | { kind: "status"; seedStatus: number; waldurStatus: number; seedBodyEmpty: boolean }
  /** A field whose value is of another JSON type than the schema says; `field` is matched at the end of the path (`future_prices.*`). */
  | { kind: "field"; field: string; seedType: "string" | "null" }
);

const OFFERING_ANSWERS = [
  "POST /api/marketplace-provider-offerings/",
  "GET /api/marketplace-provider-offerings/",
  "GET /api/marketplace-provider-offerings/{uuid}/",
  "GET /api/marketplace-public-offerings/",
  "GET /api/marketplace-public-offerings/{uuid}/",
  "PATCH /api/marketplace-provider-offerings/{uuid}/",
  "PUT /api/marketplace-provider-offerings/{uuid}/",
];

export const SEED_DIFFERENCES: SeedDifference[] = [
  {
    kind: "status",
    operations: ["POST /api/marketplace-provider-offerings/{uuid}/activate/"],
    seed: "seed 001 lines 223–225 (activation: `Status code: 201`, `Body: empty`)",
    byDefault: "201 with an empty body",
    withWaldur: '200 with `{"detail": "Offering state updated.", "state": "Active"}` (DetailState)',
    seedStatus: 201,
    waldurStatus: 200,
    seedBodyEmpty: true,
  },
  {
    kind: "status",
    operations: ["POST /api/users/{uuid}/refresh_token/"],
    seed: "seed 001 line 370 (token refresh: `Status code: 201`)",
    byDefault: "201 with the token object",
    withWaldur: "200 with the token object (UserAuthToken)",
    seedStatus: 201,
    waldurStatus: 200,
    seedBodyEmpty: false,
  },
  {
    kind: "field",
    operations: ["GET /api/users/{uuid}/token/", "POST /api/users/{uuid}/refresh_token/"],
    field: "user_token_lifetime",
    seed: 'seed 001 lines 348 and 381 (`"user_token_lifetime": "3600"`)',
    byDefault: 'a string of seconds, `"3600"`',
    withWaldur: "an integer, `3600` (UserAuthToken.user_token_lifetime)",
    seedType: "string",
  },
  {
    kind: "field",
    operations: [...OFFERING_ANSWERS, "GET /api/marketplace-plans/{uuid}/"],
    field: "future_prices.*",
    seed: 'seed 001 lines 139–140 (`"future_prices": {"node_hours": null}`)',
    byDefault: "every component, `null` where no future price is set",
    withWaldur: "only the components with a future price (the schema allows numbers only)",
    seedType: "null",
  },
  {
    kind: "field",
    operations: OFFERING_ANSWERS,
    field: "scope",
    seed: 'seed 001 line 152 (`"scope": null`)',
    byDefault: "`null`",
    withWaldur: "left out (the schema declares a string, not nullable)",
    seedType: "null",
  },
];

/** Operations Portico serves in the Waldur dialect that Waldur's schema does not have, and the answer they give. */
export const PORTICO_ONLY_OPERATIONS: { operation: string; answersLike: string; why: string }[] = [
  {
    operation: "PATCH /api/marketplace-provider-offerings/{uuid}/",
    answersLike: "GET /api/marketplace-provider-offerings/{uuid}/",
    why: "Waldur edits an offering through update_overview/, update_description/ and other actions; Portico also takes one PATCH",
  },
  {
    operation: "PUT /api/marketplace-provider-offerings/{uuid}/",
    answersLike: "GET /api/marketplace-provider-offerings/{uuid}/",
    why: "as PATCH",
  },
];

/** The success status of an operation in the configured mode: a listed difference's, else `fallback` (Waldur's). */
export function successStatusOf(operation: string, fallback: number): number {
  const d = SEED_DIFFERENCES.find((x) => x.kind === "status" && x.operations.includes(operation));
  if (!d || d.kind !== "status") return fallback;
  return waldurAnswers() === "waldur" ? d.waldurStatus : d.seedStatus;
}
