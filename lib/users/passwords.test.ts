import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("hash with scrypt and verify the whole password, however long", async () => {
    const long = "correct horse battery staple ".repeat(4) + "ü✓"; // > 72 bytes: no truncation
    const hash = await hashPassword(long);
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(await verifyPassword(long, hash)).toBe(true);
    expect(await verifyPassword(long.slice(0, -1), hash)).toBe(false);
    expect(await verifyPassword(long + " ", hash)).toBe(false);
    expect(await hashPassword(long)).not.toBe(hash); // salted
  });

  it("refuse short, common and personal passwords, accept long passphrases", () => {
    expect(passwordProblem("short")).toMatch(/At least 10/);
    expect(passwordProblem("Password123")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("ada.lovelace-2024", { email: "ada.lovelace@example.org" })).toMatch(/email or username/);
    expect(passwordProblem("x".repeat(1025))).toMatch(/At most 1024/);
    expect(passwordProblem("a quiet river under seven bridges ".repeat(3))).toBeNull();
  });
});
