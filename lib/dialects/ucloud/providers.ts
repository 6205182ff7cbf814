import { z } from "zod";
import type { RegisteredProvider } from "@/lib/registration/retrieve-registered-provider";

// UCloud `Provider` (seed 000 retrieve): `id` is the resource id, `specification.id` the provider's slug.
export const ucloudProductReference = z.object({ id: z.string(), category: z.string(), provider: z.string() });
export const ucloudProvider = z.object({
  id: z.string(),
  specification: z.object({
    id: z.string(),
    domain: z.string(),
    https: z.boolean(),
    port: z.number().nullable(),
    product: ucloudProductReference,
  }),
  refreshToken: z.string(),
  publicKey: z.string(),
  createdAt: z.number(),
  status: z.object({ resolvedSupport: z.null(), resolvedProduct: z.null() }),
  updates: z.array(z.object({ timestamp: z.number(), status: z.string().nullable() })),
  owner: z.object({ createdBy: z.string(), project: z.string().nullable() }),
  permissions: z.null(),
});
export type UcloudProvider = z.infer<typeof ucloudProvider>;

export function toUcloudProvider(
  p: Pick<RegisteredProvider, "provider" | "credentials" | "ownerUsername" | "refreshToken">,
  flags: { includeUpdates?: boolean } = {},
): UcloudProvider {
  const { provider, credentials } = p;
  return {
    id: String(provider.resourceNumber),
    specification: {
      id: provider.id,
      domain: provider.domain ?? "",
      https: provider.https ?? true,
      port: provider.port ?? null,
      product: provider.product ?? { id: "", category: "", provider: "ucloud_core" },
    },
    refreshToken: p.refreshToken,
    publicKey: credentials.publicKey,
    createdAt: provider.createdAt.getTime(),
    status: { resolvedSupport: null, resolvedProduct: null },
    updates: flags.includeUpdates
      ? [
          { timestamp: provider.createdAt.getTime(), status: "Provider registered" },
          ...(credentials.rotatedAt
            ? [{ timestamp: credentials.rotatedAt.getTime(), status: "Refresh token renewed" }]
            : []),
        ]
      : [],
    owner: { createdBy: p.ownerUsername ?? "", project: null },
    permissions: null,
  };
}
