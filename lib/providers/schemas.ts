import { z } from "zod";
import { requiredText } from "@/lib/errors/zod-errors";

// ARGO ids come from the EOSC catalogue ("surf-nl", "emso_eric"); they travel in URL paths, so no slashes or control characters.
const ID_RE = /^[^/?#%\\\u0000-\u001f\u007f]*$/;
// ARGO stores website and logo as given; Portico only refuses script-bearing schemes, since pages link to them.
const webAddress = (what: string) =>
  z
    .string()
    .trim()
    .max(2000, `${what} may be at most 2000 characters.`)
    .refine((v) => !/^\s*(javascript|data|vbscript|file):/i.test(v), `${what} must be a web address (http or https).`);

export const providerIdSchema = requiredText("id", 100).regex(
  ID_RE,
  "id may not contain '/', '?', '#', '%', backslashes or control characters.",
);

/** ARGO `POST /accounting-system/providers` (unknown fields are refused). */
export const createProviderInput = z.strictObject({
  id: providerIdSchema,
  name: requiredText("name", 300),
  website: webAddress("website").default(""),
  abbreviation: z.string().trim().max(100, "abbreviation may be at most 100 characters.").default(""),
  logo: webAddress("logo").default(""),
});
export type CreateProviderInput = z.input<typeof createProviderInput>;

// PATCH: "The empty or null values are ignored." A full representation (with creator_id) is accepted; creator_id never changes.
const ignoredWhenEmpty = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v), s.optional());
export const updateProviderInput = z.strictObject({
  id: ignoredWhenEmpty(providerIdSchema),
  name: ignoredWhenEmpty(z.string().trim().max(300, "name may be at most 300 characters.")),
  website: ignoredWhenEmpty(webAddress("website")),
  abbreviation: ignoredWhenEmpty(z.string().trim().max(100, "abbreviation may be at most 100 characters.")),
  logo: ignoredWhenEmpty(webAddress("logo")),
  creator_id: z.unknown().optional(),
});
export type UpdateProviderInput = z.input<typeof updateProviderInput>;

export const PROVIDER_SORTS = ["created", "id", "name", "abbreviation", "source", "website"] as const;
export type ProviderSort = (typeof PROVIDER_SORTS)[number];
export const PROVIDER_SOURCES = ["argo", "registration", "catalogue", "portal"] as const;

/** The portal list's filters, all living in the URL. */
export const listProvidersQuery = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  size: z.coerce.number().int().min(1).max(100).catch(20),
  sort: z.enum(PROVIDER_SORTS).catch("created"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  q: z.string().trim().max(200).optional().catch(undefined),
  source: z.enum(PROVIDER_SOURCES).optional().catch(undefined),
  /** `1`: only the providers the viewer manages (owner, creator, or owner/manager of its organisation). */
  mine: z.literal("1").optional().catch(undefined),
});
export type ListProvidersQuery = z.infer<typeof listProvidersQuery>;
