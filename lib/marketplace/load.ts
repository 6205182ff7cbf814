import { eq } from "drizzle-orm";
import {
  accountingProjects,
  marketplaceOrders,
  offerings,
  type AccountingProjectRow,
  type MarketplaceOrderRow,
  type OfferingRow,
} from "@/drizzle/schema";
import type { Executor, Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { parseReference } from "@/lib/offerings/refs";

/** A reference that may name any of several collections (`marketplace-public-offerings` or `…-provider-offerings`). */
export function referenceId(value: string, collections: string[]): string | null {
  for (const c of collections) {
    const id = parseReference(value, c);
    if (id) return id;
  }
  return null;
}

export async function findProjectByUuid(db: Executor, uuid: string): Promise<AccountingProjectRow | undefined> {
  const [row] = await db.select().from(accountingProjects).where(eq(accountingProjects.uuid, uuid));
  return row;
}

export async function getOfferingRow(db: Executor, id: string): Promise<OfferingRow> {
  const [row] = await db.select().from(offerings).where(eq(offerings.id, id));
  if (!row) throw notFound("Offering");
  return row;
}

export async function getProjectRow(db: Executor, id: string): Promise<AccountingProjectRow> {
  const [row] = await db.select().from(accountingProjects).where(eq(accountingProjects.id, id));
  if (!row) throw notFound("Project");
  return row;
}

/** The order row locked for the rest of the transaction (404 when unknown). */
export async function lockOrder(tx: Tx, id: string): Promise<MarketplaceOrderRow> {
  const [row] = await tx.select().from(marketplaceOrders).where(eq(marketplaceOrders.id, id)).for("update");
  if (!row) throw notFound("Order");
  return row;
}
