import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "./record-audit";

describe("the audit log", () => {
  it("is append-only for the application: updates, deletes and truncation are refused", async () => {
    const db = await getDb();
    await recordAudit(
      db,
      { actor: null, correlationId: "append-only-test" },
      { action: "test.event", entityType: "test", entityId: "1" },
    );
    await expect(
      db
        .update(auditEvents)
        .set({ action: "tampered" })
        .where(sql`correlation_id = ${"append-only-test"}`),
    ).rejects.toThrow();
    await expect(db.delete(auditEvents).where(sql`correlation_id = ${"append-only-test"}`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`correlation_id = ${"append-only-test"}`);
    expect(rows.map((r) => r.action)).toEqual(["test.event"]);
  });
});
