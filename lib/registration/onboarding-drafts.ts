import { and, desc, eq } from "drizzle-orm";
import { onboardingDrafts, providerCredentials, registrationRequests, type OnboardingDraftRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { validationError } from "@/lib/errors/zod-errors";
import { revealRefreshToken } from "./credentials";
import { requestRegistration } from "./request-registration";
import { integrationEndpoint, onboardingSubmission, organisationDetails } from "./schemas";
import { specIdTaken } from "./spec-id-availability";

export const WIZARD_STEPS = ["Organisation", "Integration endpoint", "Review"] as const;
export type DraftData = {
  id?: string;
  name?: string;
  website?: string;
  abbreviation?: string;
  logo?: string;
  domain?: string;
  https?: boolean;
  port?: number | string | null;
};

const STEP_SCHEMAS = [organisationDetails, integrationEndpoint] as const;
const STEP_FIELDS: (keyof DraftData)[][] = [
  ["id", "name", "website", "abbreviation", "logo"],
  ["domain", "https", "port"],
];

export async function listDrafts(db: Executor, userId: string): Promise<OnboardingDraftRow[]> {
  return db
    .select()
    .from(onboardingDrafts)
    .where(eq(onboardingDrafts.userId, userId))
    .orderBy(desc(onboardingDrafts.updatedAt));
}

/** The caller's own draft (admins may not read other people's drafts: they are private work in progress). */
export async function getDraft(ctx: ServiceContext, id: string): Promise<OnboardingDraftRow> {
  const actor = requireUser(ctx.actor);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Draft");
  const [row] = await ctx.db
    .select()
    .from(onboardingDrafts)
    .where(and(eq(onboardingDrafts.id, id), eq(onboardingDrafts.userId, actor.id)));
  if (!row) throw notFound("Draft");
  return row;
}

export async function createDraft(ctx: ServiceContext): Promise<OnboardingDraftRow> {
  const actor = requireUser(ctx.actor);
  if (actor.via === "access-token")
    throw new AppError("forbidden", "Providers cannot start an onboarding; a person must.");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(onboardingDrafts)
      .values({ userId: actor.id, data: { https: true, port: null } })
      .returning();
    await recordAudit(tx, ctx, { action: "onboarding.draft.create", entityType: "onboarding_draft", entityId: row.id });
    return row;
  });
}

/**
 * Saves what the person typed (always, so nothing is lost) and moves to `nextStep` only when the
 * current step is valid; every invalid field comes back with its message.
 */
export async function saveDraftStep(
  ctx: ServiceContext,
  id: string,
  step: number,
  input: DraftData,
  nextStep: number,
): Promise<OnboardingDraftRow> {
  const draft = await getDraft(ctx, id);
  if (draft.registrationId) throw new AppError("conflict", "This onboarding has been submitted already.");
  const data: DraftData = { ...(draft.data as DraftData) };
  for (const f of STEP_FIELDS[step] ?? []) if (f in input) (data as Record<string, unknown>)[f] = input[f];
  let error: AppError | null = null;
  if (nextStep > step && step < STEP_SCHEMAS.length) {
    const picked = Object.fromEntries(STEP_FIELDS[step].map((f) => [f, data[f]]));
    const parsed = STEP_SCHEMAS[step].safeParse(picked);
    if (!parsed.success) error = validationError(parsed.error);
    else if (step === 0 && (await specIdTaken(ctx.db, String(data.id))))
      error = new AppError("conflict", "That provider id is already taken.", {
        id: ["That provider id is already taken. Choose another."],
      });
  }
  const [row] = await ctx.db
    .update(onboardingDrafts)
    .set({
      data: data as Record<string, unknown>,
      step: error ? step : Math.max(0, Math.min(nextStep, WIZARD_STEPS.length - 1)),
      updatedAt: new Date(),
    })
    .where(eq(onboardingDrafts.id, id))
    .returning();
  if (error) throw error;
  return row;
}

export async function deleteDraft(ctx: ServiceContext, id: string): Promise<void> {
  const draft = await getDraft(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(onboardingDrafts).where(eq(onboardingDrafts.id, draft.id));
    await recordAudit(tx, ctx, {
      action: "onboarding.draft.delete",
      entityType: "onboarding_draft",
      entityId: draft.id,
    });
  });
}

/** Submits the draft as a registration request, signed at once by its author (they are the provider's admin). */
export async function submitDraft(ctx: ServiceContext, id: string): Promise<string> {
  const actor = requireUser(ctx.actor);
  const draft = await getDraft(ctx, id);
  if (draft.registrationId) return draft.registrationId;
  const parsed = onboardingSubmission.safeParse(draft.data);
  if (!parsed.success) throw validationError(parsed.error);
  const d = parsed.data;
  const { row } = await requestRegistration(ctx, {
    specification: {
      id: d.id,
      domain: d.domain,
      https: d.https,
      port: d.port,
      product: { id: "", category: "", provider: "ucloud_core" },
    },
    origin: "wizard",
    details: { name: d.name, website: d.website, abbreviation: d.abbreviation, logo: d.logo },
    signedBy: actor.id,
  }).catch((e) => {
    if (e instanceof AppError && e.fieldErrors?.["specification.id"])
      throw new AppError(e.code, e.message, { id: e.fieldErrors["specification.id"] });
    throw e;
  });
  await ctx.db
    .update(onboardingDrafts)
    .set({ registrationId: row.id, updatedAt: new Date() })
    .where(eq(onboardingDrafts.id, draft.id));
  return row.id;
}

/** After approval, the wizard shows the credentials once to the person who signed; later, the provider page. */
export async function revealCredentialsOnce(
  ctx: ServiceContext,
  registrationId: string,
): Promise<{ refreshToken: string; publicKey: string } | null> {
  const actor = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [reg] = await tx.select().from(registrationRequests).where(eq(registrationRequests.id, registrationId));
    if (!reg || reg.signedBy !== actor.id) throw notFound("Registration");
    if (reg.status !== "approved" || !reg.providerPk)
      throw new AppError("conflict", "The registration has not been approved yet.");
    const [creds] = await tx
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.providerPk, reg.providerPk))
      .for("update");
    if (!creds || creds.revealedAt) return null;
    await tx
      .update(providerCredentials)
      .set({ revealedAt: new Date() })
      .where(eq(providerCredentials.providerPk, reg.providerPk));
    await recordAudit(tx, ctx, {
      action: "provider.credentials.reveal",
      entityType: "registration",
      entityId: reg.id,
      summary: { specId: reg.specId },
    });
    return { refreshToken: revealRefreshToken(creds), publicKey: creds.publicKey };
  });
}
