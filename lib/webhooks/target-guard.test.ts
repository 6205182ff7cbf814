import { describe, expect, it } from "vitest";
import { checkWebhookTarget, guardedLookup, isPrivateAddress } from "./target-guard";

describe("the webhook target guard (SSRF)", () => {
  it("knows private, loopback, link-local and other non-public ranges, in IPv4 and IPv6", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "not-an-address",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "172.32.0.1", "193.166.3.2", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses such targets unless allowed, by literal address or by name", async () => {
    for (const url of ["http://127.0.0.1:9/x", "http://[::1]/", "http://169.254.169.254/latest", "http://localhost/"])
      expect(await checkWebhookTarget(new URL(url), false), url).toMatch(/^Refused/);
    expect(await checkWebhookTarget(new URL("http://127.0.0.1:9/x"), true)).toBeNull();
    expect(await checkWebhookTarget(new URL("https://8.8.8.8/hook"), false)).toBeNull();
  });

  it("checks what a name resolves to at connect time", async () => {
    const lookup = (allow: boolean) =>
      new Promise<{ err: Error | null; address: unknown }>((resolve) =>
        guardedLookup(allow)("localhost", {}, (err, address) => resolve({ err, address })),
      );
    expect((await lookup(false)).err?.message).toMatch(/^Refused: localhost/);
    const allowed = await lookup(true);
    expect(allowed.err).toBeNull();
    expect(["127.0.0.1", "::1"]).toContain(allowed.address);
  });
});
