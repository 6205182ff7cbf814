import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { requestOrigin } from "@/lib/http/origin";

// Waldur (DRF LinkHeaderPagination): ?page=&page_size=, the page in the body as a plain array,
// `Link` with first/prev/next/last and `X-Result-Count` with the total.
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 300;

export const pageQuery = {
  page: z.coerce
    .number({ error: "A valid integer is required." })
    .int("A valid integer is required.")
    .min(1, "Invalid page.")
    .default(1),
  page_size: z.coerce
    .number({ error: "A valid integer is required." })
    .int("A valid integer is required.")
    .min(1, "Ensure this value is greater than or equal to 1.")
    .default(DEFAULT_PAGE_SIZE)
    .transform((n) => Math.min(n, MAX_PAGE_SIZE)),
};

export type PageArgs = { page: number; page_size: number };

export const pageWindow = (q: PageArgs) => ({ limit: q.page_size, offset: (q.page - 1) * q.page_size });

/** The Link and X-Result-Count headers; a page past the end is DRF's 404 "Invalid page.". */
export function pageHeaders(req: Request, q: PageArgs, total: number): Record<string, string> {
  const last = Math.max(1, Math.ceil(total / q.page_size));
  if (q.page > last) throw new AppError("not_found", "Invalid page.");
  const href = (p: number) => {
    const u = new URL(req.url);
    const origin = new URL(requestOrigin(req));
    u.protocol = origin.protocol;
    u.host = origin.host;
    u.searchParams.set("page", String(p));
    u.searchParams.set("page_size", String(q.page_size));
    return `<${u.toString()}>`;
  };
  const links = [`${href(1)}; rel="first"`];
  if (q.page > 1) links.push(`${href(q.page - 1)}; rel="prev"`);
  if (q.page < last) links.push(`${href(q.page + 1)}; rel="next"`);
  links.push(`${href(last)}; rel="last"`);
  return {
    link: links.join(", "),
    "x-result-count": String(total),
    "access-control-expose-headers": "Link, X-Result-Count",
  };
}
