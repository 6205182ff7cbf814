import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, generateToken, plausibleToken, tokenDigest } from "./tokens";

describe("tokens", () => {
  it("carry a type prefix, ≥ 160 random bits and a checksum that catches typos", () => {
    const t = generateToken("ptk");
    expect(t).toMatch(/^ptk_[0-9A-Za-z]{46}$/);
    expect(plausibleToken(t)).toBe(true);
    const typo = t.slice(0, 10) + (t[10] === "a" ? "b" : "a") + t.slice(11);
    expect(plausibleToken(typo)).toBe(false);
    expect(new Set(Array.from({ length: 200 }, () => generateToken("ptk"))).size).toBe(200);
  });

  it("digest with a key and encrypt with AES-GCM that detects tampering", () => {
    const t = generateToken("ptk");
    expect(tokenDigest(t)).toBe(tokenDigest(t));
    expect(tokenDigest(t)).not.toContain(t);
    const sealed = encryptSecret(t);
    expect(sealed).not.toContain(t);
    expect(decryptSecret(sealed)).toBe(t);
    const [iv, tag, body] = sealed.split(".");
    const flipped = (body.startsWith("A") ? "B" : "A") + body.slice(1); // the first char carries no padding bits
    expect(() => decryptSecret([iv, tag, flipped].join("."))).toThrow();
  });
});
