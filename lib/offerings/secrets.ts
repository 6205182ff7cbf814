import { decryptSecret, encryptSecret } from "@/lib/crypto/tokens";

const PURPOSE = "offering-secret-options";

export const sealSecretOptions = (value: Record<string, unknown>): string | null =>
  Object.keys(value).length ? encryptSecret(JSON.stringify(value), PURPOSE) : null;

export const openSecretOptions = (sealed: string | null): Record<string, unknown> =>
  sealed ? (JSON.parse(decryptSecret(sealed, PURPOSE)) as Record<string, unknown>) : {};
