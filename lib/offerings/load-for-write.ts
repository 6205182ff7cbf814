import { eq } from "drizzle-orm";
import { offerings, type OfferingRow } from "@/drizzle/schema";
import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** The offering row locked for the rest of the transaction (404 when unknown). */
export async function lockOffering(tx: Tx, id: string): Promise<OfferingRow> {
  const [row] = await tx.select().from(offerings).where(eq(offerings.id, id)).for("update");
  if (!row) throw notFound("Offering");
  return row;
}
