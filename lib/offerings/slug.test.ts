import { describe, expect, it } from "vitest";
import { nextSlug, slugBase } from "./slug";

describe("Waldur slugs", () => {
  it("takes eight characters of the slugified name", () => {
    expect(slugBase("Test Cluster")).toBe("test-clu");
    expect(slugBase("test_27dd96e5bbc141b3a49f")).toBe("test_27d");
    expect(slugBase("Ærø — Å!")).toBe("r-a");
    expect(slugBase("!!!")).toBe("item");
  });
  it("numbers from 1 and skips taken slugs", async () => {
    expect(await nextSlug("Test Cluster", async () => [])).toBe("test-clu-1");
    expect(await nextSlug("Test Cluster", async () => ["test-clu-1", "test-clu-2", "test-clu-10"])).toBe("test-clu-3");
  });
});
