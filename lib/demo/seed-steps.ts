import { eq } from "drizzle-orm";
import { appSettings } from "@/drizzle/schema";
import type { Db, Tx } from "@/lib/db/client";

export type SeedStep = { key: string; run: (tx: Tx) => Promise<void> };

/** Runs each demo step once per database: the step and its marker commit together. */
export async function runSeedSteps(db: Db, steps: SeedStep[]): Promise<string[]> {
  const ran: string[] = [];
  for (const step of steps) {
    const key = `demo:${step.key}`;
    const done = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(appSettings)
        .values({ key, value: { at: new Date().toISOString() } })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length) return true;
      await step.run(tx);
      return false;
    });
    if (!done) ran.push(step.key);
  }
  return ran;
}

export async function seedStepDone(db: Db, key: string): Promise<boolean> {
  return (
    (
      await db
        .select()
        .from(appSettings)
        .where(eq(appSettings.key, `demo:${key}`))
    ).length > 0
  );
}
