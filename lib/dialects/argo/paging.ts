import { z } from "zod";
import { requestOrigin } from "@/lib/http/origin";

/**
 * ARGO paging (seeds 002/003): `page` is 1-based (default 1), `size` defaults to 10 (max 100).
 * Query values arrive as strings; anything that is not a positive whole number is a 400 naming it.
 */
const whole = (name: string, fallback: number, max?: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
      if (!Number.isSafeInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number of at least 1.` });
        return z.NEVER;
      }
      if (max !== undefined && n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be at most ${max}.` });
        return z.NEVER;
      }
      return n;
    })
    .describe(max ? `${name} (1–${max}, default ${fallback})` : `${name} (1-based, default ${fallback})`);

export const ARGO_DEFAULT_SIZE = 10;
export const ARGO_MAX_SIZE = 100;

/** The `page`/`size` query of every paged ARGO list; extend it for endpoints with more query fields. */
export const argoPageQuery = z.object({
  page: whole("page", 1),
  size: whole("size", ARGO_DEFAULT_SIZE, ARGO_MAX_SIZE),
});
export type ArgoPageQuery = z.infer<typeof argoPageQuery>;

export const argoLink = z.object({ href: z.string(), rel: z.enum(["first", "last", "self", "prev", "next"]) });
export type ArgoLink = z.infer<typeof argoLink>;

export const argoPageOutput = <T extends z.ZodType>(item: T) =>
  z.object({
    size_of_page: z.number().describe("How many elements this page holds"),
    number_of_page: z.number(),
    total_elements: z.number(),
    total_pages: z.number(),
    content: z.array(item),
    links: z.array(argoLink),
  });

export type ArgoPage<T> = {
  size_of_page: number;
  number_of_page: number;
  total_elements: number;
  total_pages: number;
  content: T[];
  links: ArgoLink[];
};

/** Offset/limit for a page: what a query needs to fetch exactly that page. */
export const pageWindow = ({ page, size }: ArgoPageQuery) => ({ offset: (page - 1) * size, limit: size });

/**
 * The ARGO page body. Links are absolute, from the host the client used, and only present when there
 * is more than one page (ARGO answers `links: []` otherwise); prev/next only where they exist.
 * A page past the end keeps its totals, with empty content, and `prev` pointing back at the last page.
 */
export function argoPage<T>(req: Request, { page, size }: ArgoPageQuery, total: number, content: T[]): ArgoPage<T> {
  const totalPages = Math.ceil(total / size);
  const url = new URL(req.url);
  const base = `${requestOrigin(req)}${url.pathname}`;
  const href = (p: number) => {
    const q = new URLSearchParams(url.searchParams);
    q.delete("page");
    q.delete("size");
    const rest = q.toString();
    return `${base}?page=${p}&size=${size}${rest ? `&${rest}` : ""}`;
  };
  const links: ArgoLink[] = [];
  if (totalPages > 1) {
    links.push(
      { href: href(1), rel: "first" },
      { href: href(totalPages), rel: "last" },
      { href: href(page), rel: "self" },
    );
    if (page > 1) links.push({ href: href(Math.min(page - 1, totalPages)), rel: "prev" });
    if (page < totalPages) links.push({ href: href(page + 1), rel: "next" });
  }
  return {
    size_of_page: content.length,
    number_of_page: page,
    total_elements: total,
    total_pages: totalPages,
    content,
    links,
  };
}
