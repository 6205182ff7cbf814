import { describe, expect, it } from "vitest";
import { argoPage, argoPageQuery, pageWindow } from "./paging";

const req = (url: string, host = "acc.devel.argo.grnet.gr") =>
  new Request(url, { headers: { host, "x-forwarded-proto": "https" } });

describe("ARGO paging", () => {
  it("defaults to page 1 of 10 and rejects page=0, size=-1, size=abc, size over 100", () => {
    expect(argoPageQuery.parse({})).toEqual({ page: 1, size: 10 });
    expect(argoPageQuery.parse({ page: "2", size: "15" })).toEqual({ page: 2, size: 15 });
    for (const bad of [
      { page: "0" },
      { size: "-1" },
      { size: "abc" },
      { size: "101" },
      { page: "1.5" },
      { page: "99999999999999999999" },
    ]) {
      expect(argoPageQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(pageWindow({ page: 3, size: 15 })).toEqual({ offset: 30, limit: 15 });
  });

  it("builds the seed's links for page 2 of 16", () => {
    const body = argoPage(
      req("http://internal:3000/accounting-system/providers?page=2&size=15"),
      { page: 2, size: 15 },
      237,
      new Array(15).fill(0),
    );
    const base = "https://acc.devel.argo.grnet.gr/accounting-system/providers";
    expect(body).toMatchObject({ size_of_page: 15, number_of_page: 2, total_elements: 237, total_pages: 16 });
    expect(body.links).toEqual([
      { href: `${base}?page=1&size=15`, rel: "first" },
      { href: `${base}?page=16&size=15`, rel: "last" },
      { href: `${base}?page=2&size=15`, rel: "self" },
      { href: `${base}?page=1&size=15`, rel: "prev" },
      { href: `${base}?page=3&size=15`, rel: "next" },
    ]);
  });

  it("has no prev on the first page, no next on the last, no links for a single page, totals past the end", () => {
    const r = req("http://x/accounting-system/providers");
    expect(argoPage(r, { page: 1, size: 10 }, 25, [1]).links.map((l) => l.rel)).toEqual([
      "first",
      "last",
      "self",
      "next",
    ]);
    expect(argoPage(r, { page: 3, size: 10 }, 25, [1]).links.map((l) => l.rel)).toEqual([
      "first",
      "last",
      "self",
      "prev",
    ]);
    expect(argoPage(r, { page: 1, size: 10 }, 2, [1, 2]).links).toEqual([]);
    const past = argoPage(r, { page: 9, size: 10 }, 25, []);
    expect(past).toMatchObject({ size_of_page: 0, number_of_page: 9, total_elements: 25, total_pages: 3, content: [] });
    expect(past.links.find((l) => l.rel === "prev")?.href).toContain("page=3&size=10");
    expect(argoPage(r, { page: 1, size: 10 }, 0, [])).toMatchObject({ total_pages: 0, links: [] });
  });
});
