import { and, asc, count, desc, eq, getTableColumns, ilike, or, sql, type SQL } from "drizzle-orm";
import { organisationMembers, providers, type ProviderRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { prepared } from "@/lib/db/prepared";
import { AppError } from "@/lib/errors/app-error";
import { compileSearch } from "@/lib/search/compile-search";
import { parseSearch } from "@/lib/search/parse-search";
import type { ListProvidersQuery, ProviderSort } from "./schemas";
import { PROVIDER_SEARCH_FIELDS, PROVIDER_SQL_FIELDS } from "./search-fields";

export const providerNotFound = (id: string) =>
  new AppError("not_found", `There is no Provider with the following id: ${id}`);

export async function findProvider(db: Executor, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.id, id));
  return row;
}

export async function getProvider(db: Executor, id: string): Promise<ProviderRow> {
  const row = await findProvider(db, id);
  if (!row) throw providerNotFound(id);
  return row;
}

/** Catalogue imports are read-only everywhere (seed 003: not updatable, not deletable). */
export const isCatalogueProvider = (p: ProviderRow) => p.source === "catalogue";

const SORT_COLUMNS = {
  created: providers.resourceNumber,
  id: providers.id,
  name: providers.name,
  abbreviation: providers.abbreviation,
  source: providers.source,
  website: providers.website,
} as const;

export type ProviderPageArgs = { page: number; size: number; sort?: ProviderSort; dir?: "asc" | "desc" };

type PageRow = ProviderRow & { total: number };

const pageColumns = { ...getTableColumns(providers), total: sql<number>`count(*) over ()`.mapWith(Number) };

function pageQuery(db: Executor, where: SQL | undefined, sort: ProviderSort, dir: "asc" | "desc" | undefined) {
  const col = SORT_COLUMNS[sort];
  return db
    .select(pageColumns)
    .from(providers)
    .where(where)
    .orderBy(dir === "desc" ? desc(col) : asc(col), asc(providers.resourceNumber))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"));
}

// The unfiltered page (the ARGO list) in every order, each a prepared statement.
const unfilteredPages = new Map<
  string,
  (db: Executor) => { execute: (v: Record<string, unknown>) => Promise<PageRow[]> }
>();
function unfilteredPage(db: Executor, sort: ProviderSort, dir: "asc" | "desc" | undefined) {
  const key = `${sort}_${dir ?? "asc"}`;
  let q = unfilteredPages.get(key);
  if (!q)
    unfilteredPages.set(
      key,
      (q = prepared((d) => pageQuery(d, undefined, sort, dir).prepare(`portico_providers_${key}`))),
    );
  return q(db);
}

/**
 * One page of providers of every source matching `where`; default order is registration order (ARGO's).
 * One query: the total comes with the rows (`count(*) over ()`); only a page past the end counts apart.
 */
export async function pageProviders(
  db: Executor,
  where: SQL | undefined,
  args: ProviderPageArgs,
): Promise<{ rows: ProviderRow[]; total: number }> {
  const sort = args.sort ?? "created";
  const window = { limit: args.size, offset: (args.page - 1) * args.size };
  const found: PageRow[] = await (where
    ? pageQuery(db, where, sort, args.dir).execute(window)
    : unfilteredPage(db, sort, args.dir).execute(window));
  if (found.length) {
    const total = found[0].total;
    for (const row of found) delete (row as Partial<PageRow>).total;
    return { rows: found, total };
  }
  if (args.page === 1) return { rows: [], total: 0 };
  const [{ total }] = await db.select({ total: count() }).from(providers).where(where);
  return { rows: [], total: Number(total) };
}

/** The search DSL (validated against the allow-list) as one SQL condition. */
export function providerSearchCondition(tree: unknown): SQL {
  return compileSearch(parseSearch(tree, PROVIDER_SEARCH_FIELDS), PROVIDER_SQL_FIELDS);
}

export async function searchProviders(db: Executor, tree: unknown, args: ProviderPageArgs) {
  return pageProviders(db, providerSearchCondition(tree), args);
}

/** The providers a user manages, as `ownsProvider` decides one by one: owner, creator, or owner/manager of its organisation. */
export function managedBy(userId: string): SQL {
  const managedOrganisations = sql`select ${organisationMembers.organisationId} from ${organisationMembers}
    where ${organisationMembers.userId} = ${userId} and ${organisationMembers.role} in ('owner', 'manager')`;
  return or(
    eq(providers.ownerUserId, userId),
    eq(providers.creatorId, userId),
    sql`${providers.organisationId} in (${managedOrganisations})`,
  )!;
}

/** The portal list: free-text box, source filter, "mine" and an optional DSL tree, combined with AND. */
export async function listProviders(db: Executor, q: ListProvidersQuery, tree?: unknown, viewerId?: string) {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    where.push(or(ilike(providers.id, like), ilike(providers.name, like), ilike(providers.abbreviation, like))!);
  }
  if (q.source) where.push(eq(providers.source, q.source));
  if (q.mine && viewerId) where.push(managedBy(viewerId));
  if (tree !== undefined) where.push(providerSearchCondition(tree));
  return pageProviders(db, where.length ? and(...where) : undefined, q);
}
