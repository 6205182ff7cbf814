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

const choiceError = (v: string) => `Select a valid choice. ${v} is not one of the available choices.`;

/** One value or repeated values of a query parameter, as a list. */
const repeated = (item: z.ZodType<string>) =>
  z.union([item, z.array(item).max(50)]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * Waldur's `o`: one or more keys, repeated or comma-separated (`o=-created,name`), each a field or `-field`;
 * an unknown key is DRF's 400. The keys in order, for the query's ORDER BY.
 */
export function orderingQuery<const T extends readonly string[]>(fields: T) {
  const allowed = new Set<string>(fields.flatMap((f) => [f, `-${f}`]));
  type Key = T[number] | `-${T[number]}`;
  return repeated(z.string().max(200))
    .transform((vs) =>
      vs
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .superRefine((keys, ctx) => {
      for (const k of keys) if (!allowed.has(k)) ctx.addIssue({ code: "custom", message: choiceError(k) });
    })
    .transform((keys) => keys as Key[])
    .optional()
    .describe(`Ordering: ${fields.join(", ")} (prefix - for descending; several comma-separated)`);
}

/** A repeatable choice filter (`state=Active&state=Paused`), as DRF's MultipleChoiceFilter refuses unknown values. */
export function choicesQuery<const T extends readonly [string, ...string[]]>(values: T) {
  return repeated(z.enum(values, { error: (i) => choiceError(String(i.input)) }))
    .transform((v) => v as T[number][])
    .optional();
}

/** A DRF boolean filter: true/false (also 1/0, yes/no as BooleanWidget reads them); anything else is ignored. */
export const booleanQuery = z
  .string()
  .max(10)
  .transform((v) =>
    ["true", "1", "yes"].includes(v.toLowerCase())
      ? true
      : ["false", "0", "no"].includes(v.toLowerCase())
        ? false
        : undefined,
  )
  .optional();

/** Waldur's `field`: answer only these top-level fields of each object (repeatable, e.g. `field=uuid&field=name`). */
export const fieldQuery = {
  field: repeated(z.string().max(64)).optional().describe("Fields to include in the answer (repeatable)"),
};

/** Applies `field` to one object or to each object of a list; unknown names are ignored, as Waldur does. */
export function selectFields<T>(body: T, fields: string[] | undefined): T {
  if (!fields?.length) return body;
  const pick = (o: unknown) =>
    o && typeof o === "object" ? Object.fromEntries(Object.entries(o).filter(([k]) => fields.includes(k))) : o;
  return (Array.isArray(body) ? body.map(pick) : pick(body)) as T;
}
