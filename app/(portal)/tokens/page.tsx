import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { listApiTokens, toApiTokenOutput } from "@/lib/tokens/queries";

export const metadata = { title: "API tokens" };

const fmt = (iso: string | null) => (iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function TokensPage() {
  const actor = await requirePageActor();
  const tokens = (await listApiTokens(await getDb(), actor.id)).map(toApiTokenOutput);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let scripts and agents call the API as you: send <code>Authorization: Bearer &lt;token&gt;</code> (or <code>Token &lt;token&gt;</code>).
          </>
        }
      />
      <Card title="New token">
        <CreateTokenForm />
      </Card>
      <Card title="Your tokens" className="mt-6">
        {tokens.length === 0 ? (
          <EmptyState title="No tokens yet">Create one above to call the API from a script.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-4">Name</th>
                  <th className="py-2 pr-4">Starts with</th>
                  <th className="py-2 pr-4">Created</th>
                  <th className="py-2 pr-4">Expires</th>
                  <th className="py-2 pr-4">Last used</th>
                  <th className="py-2 pr-4">Status</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {tokens.map((t) => (
                  <tr key={t.id} data-testid="token-row">
                    <td className="py-2 pr-4 font-medium">{t.name}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{t.prefix}…</td>
                    <td className="py-2 pr-4">{fmt(t.createdAt)}</td>
                    <td className="py-2 pr-4">{t.expiresAt ? fmt(t.expiresAt) : "never"}</td>
                    <td className="py-2 pr-4">{fmt(t.lastUsedAt)}</td>
                    <td className="py-2 pr-4">
                      <Badge tone={t.status === "active" ? "green" : t.status === "revoked" ? "red" : "amber"}>{t.status}</Badge>
                    </td>
                    <td className="py-2 text-right">{t.status === "active" && <RevokeTokenButton id={t.id} name={t.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
