import crypto from "node:crypto";
import { derivedKey } from "@/lib/crypto/server-secret";
import { ACCESS_TOKEN_TTL_SECONDS } from "./schemas";

// Provider access tokens: compact JWTs (HS256) signed with a key derived from the server secret.
// `gen` is the credentials' generation: rotating the refresh token ends the access tokens it bought.
const ISSUER = "portico";
const AUDIENCE = "portico-provider";

export type AccessTokenClaims = {
  iss: string;
  aud: string;
  sub: string;
  gen: number;
  iat: number;
  exp: number;
  jti: string;
};

const b64 = (v: Buffer | string) => Buffer.from(v).toString("base64url");
const sign = (input: string) => crypto.createHmac("sha256", derivedKey("provider-access-token")).update(input).digest();

export function issueAccessToken(
  providerId: string,
  generation: number,
  now = Date.now(),
): { token: string; claims: AccessTokenClaims } {
  const iat = Math.floor(now / 1000);
  const claims: AccessTokenClaims = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: providerId,
    gen: generation,
    iat,
    exp: iat + ACCESS_TOKEN_TTL_SECONDS(),
    jti: crypto.randomUUID(),
  };
  const input = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(JSON.stringify(claims))}`;
  return { token: `${input}.${b64(sign(input))}`, claims };
}

export const looksLikeJwt = (token: string) => /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token);

/** The claims of a valid, unexpired token signed by this core; null otherwise. */
export function verifyAccessToken(token: string, now = Date.now()): AccessTokenClaims | null {
  if (!looksLikeJwt(token)) return null;
  const [h, p, s] = token.split(".");
  const expected = sign(`${h}.${p}`);
  const given = Buffer.from(s, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
    const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as AccessTokenClaims;
    if (header.alg !== "HS256" || claims.iss !== ISSUER || claims.aud !== AUDIENCE) return null;
    if (typeof claims.sub !== "string" || typeof claims.gen !== "number" || typeof claims.exp !== "number") return null;
    if (claims.exp * 1000 <= now) return null;
    return claims;
  } catch {
    return null;
  }
}
