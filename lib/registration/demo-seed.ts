import { eq, inArray } from "drizzle-orm";
import {
  organisations,
  providers,
  registrationRequests,
  users,
  welcomeAttempts,
  welcomeOutbox,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret, generateToken, tokenDigest } from "@/lib/crypto/tokens";
import type { Tx } from "@/lib/db/client";
import type { SeedStep } from "@/lib/demo/seed-steps";
import { insertProviderCredentials, newProviderKeyPair } from "./credentials";
import { REGISTRATION_TOKEN_PREFIX } from "./request-registration";
import { REGISTRATION_TTL_MS } from "./schemas";
import { welcomeUrl } from "./welcome-outbox";

const product = { id: "", category: "", provider: "ucloud_core" };

/** Demo registrations: one waiting for a signature, one signed (the queue badge), one approved with its welcome log. */
export const registrationDemoStep: SeedStep = {
  key: "registration",
  run: async (tx: Tx) => {
    const people = Object.fromEntries(
      (
        await tx
          .select()
          .from(users)
          .where(inArray(users.username, ["provider", "admin"]))
      ).map((u) => [u.username, u]),
    );
    if (!people.provider || !people.admin) return;
    const expiresAt = new Date(Date.now() + REGISTRATION_TTL_MS());
    const request = (specId: string, domain: string, extra: Partial<typeof registrationRequests.$inferInsert>) => {
      const token = generateToken(REGISTRATION_TOKEN_PREFIX);
      return {
        tokenDigest: tokenDigest(token),
        tokenCiphertext: encryptSecret(token, "registration-token"),
        specId,
        domain,
        https: true,
        port: null,
        product,
        expiresAt,
        origin: "integration_module" as const,
        ...extra,
      };
    };
    await tx.insert(registrationRequests).values([
      request("alpine-k8s", "k8s.arc.example.org", { requesterIp: "192.0.2.10" }),
      request("ncc-gpu", "gpu.ncc.example.org", {
        requesterIp: "198.51.100.7",
        status: "signed",
        signedBy: people.provider.id,
        signedAt: new Date(),
      }),
    ]);

    // The approved one belongs to the demo provider admin's organisation, as an approval's organisation would.
    const [nordic] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, "nordic-compute"));
    const keys = await newProviderKeyPair();
    const [provider] = await tx
      .insert(providers)
      .values({
        id: "ncc-cloud",
        name: "NCC Cloud",
        website: "https://cloud.ncc.example.org/",
        abbreviation: "NCC-C",
        source: "registration",
        creatorId: people.provider.id,
        ownerUserId: people.provider.id,
        domain: "im.cloud.ncc.example.org",
        https: true,
        port: 8889,
        product,
        organisationId: nordic?.id ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!provider) return;
    const { refreshToken, row: creds } = await insertProviderCredentials(tx, provider.pk, provider.id, keys);
    const token = generateToken(REGISTRATION_TOKEN_PREFIX);
    const [reg] = await tx
      .insert(registrationRequests)
      .values({
        ...request("ncc-cloud", "im.cloud.ncc.example.org", {
          port: 8889,
          status: "approved",
          signedBy: people.provider.id,
          signedAt: new Date(),
          decidedBy: people.admin.id,
          decidedAt: new Date(),
          providerPk: provider.pk,
        }),
        tokenDigest: tokenDigest(token),
        tokenCiphertext: encryptSecret(token, "registration-token"),
      })
      .returning();
    const started = Date.now() - 120_000;
    const [msg] = await tx
      .insert(welcomeOutbox)
      .values({
        providerPk: provider.pk,
        registrationId: reg.id,
        url: welcomeUrl({ id: provider.id, domain: provider.domain!, https: true, port: 8889 }),
        payloadCiphertext: encryptSecret(
          JSON.stringify({ token, createdProvider: { refreshToken, publicKey: creds.publicKey } }),
          "welcome-payload",
        ),
        status: "delivered",
        attempts: 2,
        maxAttempts: 8,
        lastError: null,
        deliveredAt: new Date(started + 31_000),
      })
      .returning();
    await tx.insert(welcomeAttempts).values([
      {
        outboxId: msg.id,
        attempt: 1,
        startedAt: new Date(started),
        durationMs: 12,
        httpStatus: null,
        ok: false,
        error: "ECONNREFUSED: connect ECONNREFUSED im.cloud.ncc.example.org:8889",
        worker: "demo",
      },
      {
        outboxId: msg.id,
        attempt: 2,
        startedAt: new Date(started + 30_000),
        durationMs: 41,
        httpStatus: 200,
        ok: true,
        error: null,
        worker: "demo",
      },
    ]);
    await recordAudit(
      tx,
      { actor: null, correlationId: "demo-seed" },
      {
        action: "provider.create",
        entityType: "provider",
        entityId: provider.id,
        actorLabel: "demo seed",
        summary: { source: "registration" },
      },
    );
  },
};
