import { describe, expect, it } from "vitest";
import { issueAccessToken, verifyAccessToken } from "./access-token";

describe("provider access tokens", () => {
  it("verifies its own tokens and rejects tampered, foreign and expired ones", () => {
    const { token, claims } = issueAccessToken("example", 3);
    expect(verifyAccessToken(token)).toMatchObject({ sub: "example", gen: 3, iss: "portico" });
    const [h, , s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "other" })).toString("base64url");
    expect(verifyAccessToken(`${h}.${forged}.${s}`)).toBeNull();
    expect(verifyAccessToken(token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"))).toBeNull();
    expect(verifyAccessToken(token, (claims.exp + 1) * 1000)).toBeNull();
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${token.split(".")[1]}.`;
    expect(verifyAccessToken(none)).toBeNull();
    expect(verifyAccessToken("not-a-jwt")).toBeNull();
  });
});
