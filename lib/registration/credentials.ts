import crypto from "node:crypto";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { providerCredentials, users, type ProviderCredentialsRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { decryptSecret, encryptSecret, generateToken, tokenDigest } from "@/lib/crypto/tokens";

export const REFRESH_TOKEN_PREFIX = "prt";
const generateKeyPair = promisify(crypto.generateKeyPair);

/** An RSA key pair for the provider: the public half goes to the provider, the private half stays sealed. */
export async function newProviderKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  return generateKeyPair("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

export function newRefreshToken() {
  const token = generateToken(REFRESH_TOKEN_PREFIX);
  return {
    token,
    refreshDigest: tokenDigest(token),
    refreshCiphertext: encryptSecret(token, "provider-refresh-token"),
    refreshPrefix: token.slice(0, 10),
  };
}

export const revealRefreshToken = (c: Pick<ProviderCredentialsRow, "refreshCiphertext">) =>
  decryptSecret(c.refreshCiphertext, "provider-refresh-token");

/**
 * The provider's service account's username: `provider.<spec id>` in the characters every dialect accepts in
 * a username (Waldur: lowercase letters, digits and @ . + - _); the provider's key is added if that is taken.
 */
async function providerServiceUsername(tx: Executor, specId: string, providerPk: string): Promise<string> {
  const name = `provider.${specId.toLowerCase().replace(/[^0-9a-z_.@+-]/g, "-")}`.slice(0, 120);
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${name}`);
  return taken ? `${name}.${providerPk.replace(/-/g, "").slice(0, 8)}` : name;
}

/**
 * Creates the provider's service account (what its access tokens act as), refresh token and key pair.
 * The key pair is generated before the transaction is opened by the caller and passed in.
 */
export async function insertProviderCredentials(
  tx: Executor,
  providerPk: string,
  specId: string,
  keys: { publicKey: string; privateKey: string },
): Promise<{ row: ProviderCredentialsRow; refreshToken: string }> {
  const [service] = await tx
    .insert(users)
    .values({
      email: `${specId}@providers.portico.invalid`,
      username: await providerServiceUsername(tx, specId, providerPk),
      name: `Provider ${specId}`,
      kind: "service",
      role: "member",
    })
    .returning();
  const refresh = newRefreshToken();
  const [row] = await tx
    .insert(providerCredentials)
    .values({
      providerPk,
      serviceUserId: service.id,
      refreshDigest: refresh.refreshDigest,
      refreshCiphertext: refresh.refreshCiphertext,
      refreshPrefix: refresh.refreshPrefix,
      publicKey: keys.publicKey,
      privateKeyCiphertext: encryptSecret(keys.privateKey, "provider-private-key"),
    })
    .returning();
  return { row, refreshToken: refresh.token };
}
