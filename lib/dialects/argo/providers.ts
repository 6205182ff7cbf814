import { z } from "zod";
import type { ProviderRow } from "@/drizzle/schema";

export const argoProviderOutput = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string(),
  abbreviation: z.string(),
  logo: z.string(),
  creator_id: z.string().describe("Who registered it through the API; empty for EOSC Resource Catalogue providers"),
});
export type ArgoProvider = z.infer<typeof argoProviderOutput>;

export const toArgoProvider = (p: ProviderRow): ArgoProvider => ({
  id: p.id,
  name: p.name,
  website: p.website,
  abbreviation: p.abbreviation,
  logo: p.logo,
  creator_id: p.creatorId,
});

// The search answer in the seeds lists providers without creator_id.
export const argoSearchProviderOutput = argoProviderOutput.omit({ creator_id: true });
export const toArgoSearchProvider = (p: ProviderRow) => ({
  id: p.id,
  name: p.name,
  website: p.website,
  abbreviation: p.abbreviation,
  logo: p.logo,
});

export const argoMessage = (code: number, message: string) => ({ code, message });
export const argoMessageOutput = z.object({ code: z.number(), message: z.string() });
