import { SecretBlock } from "@/components/registration/copy-button";
import { RetryWelcome, RotateRefreshToken } from "@/components/registration/provider-credentials-actions";
import { endpointOf, when } from "@/components/registration/registration-state-badge";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { Actor } from "@/lib/auth/actor";
import type { welcomeDeliveries } from "@/lib/registration/queries";
import type { RegisteredProvider } from "@/lib/registration/retrieve-registered-provider";

const TONE = { pending: "amber", delivered: "green", failed: "red" } as const;

/** The UCloud registration: specification and owner, credentials, and the welcome message's delivery log. */
export function RegistrationTab({
  actor,
  found,
  deliveries,
}: {
  actor: Actor;
  found: RegisteredProvider;
  deliveries: Awaited<ReturnType<typeof welcomeDeliveries>>;
}) {
  const { provider, credentials } = found;
  const canManage = found.access === "manage" && actor.via !== "access-token";
  const spec: [string, React.ReactNode][] = [
    [
      "Provider id",
      <span key="i" className="font-mono">
        {provider.id}
      </span>,
    ],
    ["Resource id", provider.resourceNumber],
    ["Name", provider.name],
    [
      "Integration endpoint",
      <span key="e" className="font-mono text-xs">
        {endpointOf({ https: provider.https ?? true, domain: provider.domain ?? "", port: provider.port })}
      </span>,
    ],
    ["Website", provider.website || "—"],
    ["Owner", found.ownerUsername ?? "—"],
    ["Registered", when(provider.createdAt.toISOString())],
  ];
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Specification and owner">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            {spec.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Credentials">
          <div className="space-y-4">
            <p className="text-sm">
              Refresh token: <code className="font-mono text-xs">{credentials.refreshPrefix}…</code>
              {credentials.rotatedAt && (
                <span className="text-slate-500"> (rotated {when(credentials.rotatedAt.toISOString())})</span>
              )}
            </p>
            <p className="text-xs text-slate-500">
              The integration module exchanges it at POST /auth/refresh for short-lived access tokens.
            </p>
            <SecretBlock label="Public key" value={credentials.publicKey} testId="public-key" />
            {canManage && <RotateRefreshToken id={provider.id} />}
          </div>
        </Card>
      </div>
      <Card title="Welcome deliveries" className="mt-6">
        {deliveries.length === 0 ? (
          <EmptyState title="No welcome messages">This provider was not registered through an approval.</EmptyState>
        ) : (
          deliveries.map((m) => (
            <div key={m.id} data-testid="welcome-delivery" className="space-y-3">
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="font-mono text-xs break-all">POST {m.url}</span>
                <span className="flex items-center gap-2">
                  <Badge tone={TONE[m.status]}>{m.status}</Badge>
                  <span data-testid="welcome-attempts">
                    {m.attempts} of {m.maxAttempts} attempts
                  </span>
                  {m.status === "pending" && (
                    <span className="text-slate-500">next {when(m.nextAttemptAt.toISOString())}</span>
                  )}
                  {actor.role === "admin" && m.status !== "delivered" && (
                    <RetryWelcome id={provider.id} outboxId={m.id} />
                  )}
                </span>
              </div>
              {m.attemptLog.length > 0 && (
                <DataTable
                  caption="Delivery attempts"
                  rows={m.attemptLog}
                  rowProps={() => ({ "data-testid": "welcome-attempt" })}
                  columns={[
                    { id: "attempt", header: "#", cell: (a) => a.attempt },
                    { id: "when", header: "When", cell: (a) => when(a.startedAt.toISOString()) },
                    {
                      id: "result",
                      header: "Result",
                      cell: (a) => (
                        <Badge tone={a.ok ? "green" : "red"}>
                          {a.httpStatus ? `HTTP ${a.httpStatus}` : "no answer"}
                        </Badge>
                      ),
                    },
                    { id: "took", header: "Took", cell: (a) => `${a.durationMs} ms` },
                    { id: "error", header: "Error", className: "break-all text-xs", cell: (a) => a.error ?? "" },
                  ]}
                />
              )}
            </div>
          ))
        )}
      </Card>
    </>
  );
}
