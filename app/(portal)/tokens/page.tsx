import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
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
            Tokens let scripts and agents call the API as you: send <code>Authorization: Bearer &lt;token&gt;</code> (or{" "}
            <code>Token &lt;token&gt;</code>).
          </>
        }
      />
      <Card title="New token">
        <CreateTokenForm />
      </Card>
      <Card title="Your tokens" className="mt-6">
        <DataTable
          caption="Your API tokens"
          rows={tokens}
          rowProps={() => ({ "data-testid": "token-row" })}
          empty={<EmptyState title="No tokens yet">Create one above to call the API from a script.</EmptyState>}
          columns={[
            { id: "name", header: "Name", className: "font-medium", cell: (t) => t.name },
            { id: "prefix", header: "Starts with", className: "font-mono text-xs", cell: (t) => `${t.prefix}…` },
            { id: "created", header: "Created", cell: (t) => fmt(t.createdAt) },
            { id: "expires", header: "Expires", cell: (t) => (t.expiresAt ? fmt(t.expiresAt) : "never") },
            { id: "used", header: "Last used", cell: (t) => fmt(t.lastUsedAt) },
            {
              id: "status",
              header: "Status",
              cell: (t) => (
                <Badge tone={t.status === "active" ? "green" : t.status === "revoked" ? "red" : "amber"}>
                  {t.status}
                </Badge>
              ),
            },
            {
              id: "actions",
              header: <span className="sr-only">Actions</span>,
              align: "right",
              cell: (t) => t.status === "active" && <RevokeTokenButton id={t.id} name={t.name} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
