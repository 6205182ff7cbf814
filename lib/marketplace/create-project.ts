import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { accountingProjects, organisations, type AccountingProjectRow, type OrganisationRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { NO_SUCH_OBJECT, NO_URL_MATCH, parseReference } from "@/lib/offerings/refs";
import { organisationsOfUser } from "@/lib/organisations/queries";
import { createProjectInput } from "./schemas";

/** `My Project 1` → `my-project-1` (at most 40 characters), for a project id when no slug is given. */
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "project";

/**
 * Waldur's `POST /api/projects/`: an owner or manager of the customer (or staff) creates a project in it. A Waldur
 * project IS an ARGO accounting project — one row, its id the slug (given, or made from the name), its uuid
 * Waldur's, its organisation the customer — so orders, resources and reports all see the same project.
 */
export async function createCustomerProject(
  ctx: ServiceContext,
  input: unknown,
): Promise<{ project: AccountingProjectRow; customer: OrganisationRow }> {
  const actor = requireUser(ctx.actor);
  const data = parseWith(createProjectInput, input);
  return ctx.db.transaction(async (tx) => {
    const customerId = parseReference(data.customer, "customers");
    if (!customerId) throw new AppError("validation", "Invalid customer.", { customer: [NO_URL_MATCH] });
    const [customer] = await tx.select().from(organisations).where(eq(organisations.id, customerId));
    const role =
      actor.role === "admin"
        ? "staff"
        : (await organisationsOfUser(tx, actor.id)).find((o) => o.id === customerId)?.role;
    if (!customer || (!role && actor.role !== "support"))
      throw new AppError("validation", "Invalid customer.", { customer: [NO_SUCH_OBJECT] });
    if (role !== "staff" && role !== "owner" && role !== "manager")
      throw forbidden("Only the customer's owners and managers can create its projects.");
    if (data.start_date && data.end_date && data.end_date < data.start_date)
      throw new AppError("validation", "Invalid end_date.", { end_date: ["The end date is before the start date."] });
    const id = data.slug ?? `${slugOf(data.name)}-${randomBytes(3).toString("hex")}`;
    const [row] = await tx
      .insert(accountingProjects)
      .values({
        id,
        organisationId: customerId,
        acronym: data.name,
        title: data.description ?? "",
        startDate: data.start_date ?? null,
        endDate: data.end_date ?? null,
        creatorId: actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("validation", "Invalid slug.", { slug: ["A project with this slug already exists."] });
    await recordAudit(tx, ctx, {
      action: "project.create",
      entityType: "project",
      entityId: row.id,
      summary: { ...data, customer: customerId },
    });
    return { project: row, customer };
  });
}
