import { describe, expect, it } from "vitest";
import { isKnownDevice, KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_DAYS, rememberDevice } from "./known-device";

const header = (value: string) => `other=1; ${KNOWN_DEVICE_COOKIE}=${value}; more=2`;

describe("known-device cookie", () => {
  it("names the users who signed in from this browser, until it expires", () => {
    const now = Date.UTC(2026, 0, 1);
    const a = rememberDevice(null, "user-a", now);
    const ab = rememberDevice(header(a), "user-b", now + 1000);
    expect(isKnownDevice(header(ab), "user-a", now)).toBe(true);
    expect(isKnownDevice(header(ab), "user-b", now)).toBe(true);
    expect(isKnownDevice(header(ab), "user-c", now)).toBe(false);
    expect(isKnownDevice(null, "user-a", now)).toBe(false);
    expect(isKnownDevice(header(a), "user-a", now + (KNOWN_DEVICE_DAYS + 1) * 86400_000)).toBe(false);
    // Signing in again renews the tag instead of adding a second; at most five accounts are kept.
    expect(rememberDevice(header(ab), "user-a", now + 2000).split(".")).toHaveLength(2);
    let value = "";
    for (const u of ["1", "2", "3", "4", "5", "6"]) value = rememberDevice(header(value), u, now);
    expect(value.split(".")).toHaveLength(5);
    expect(isKnownDevice(header(value), "1", now)).toBe(false);
  });

  it("refuses a tag that was altered", () => {
    const now = Date.UTC(2026, 0, 1);
    const tag = rememberDevice(null, "user-a", now);
    const [exp, sig] = tag.split("_");
    const later = (parseInt(exp, 36) + 86400 * 365).toString(36);
    expect(isKnownDevice(header(`${later}_${sig}`), "user-a", now)).toBe(false);
    expect(isKnownDevice(header(`${exp}_${sig.replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`), "user-a", now)).toBe(
      false,
    );
  });
});
