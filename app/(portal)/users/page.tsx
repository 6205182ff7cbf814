import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { listUsers, toUserOutput } from "@/lib/users/queries";
import { listUsersQuery } from "@/lib/users/schemas";

export const metadata = { title: "Users & service accounts" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor("admin", "support");
  const raw = await searchParams;
  const parsed = listUsersQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : listUsersQuery.parse({});
  const { rows, total } = await listUsers(await getDb(), q);
  const users = rows.map(toUserOutput);
  const filters = { q: q.q, role: q.role, kind: q.kind, active: q.active };
  const select =
    "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";
  return (
    <>
      <PageHeader
        title="Users & service accounts"
        description="People sign in with a password; service accounts use API tokens only."
      />
      {actor.role === "admin" && (
        <Card title="New user" className="mb-6">
          <CreateUserForm />
        </Card>
      )}
      <Card
        title={`All users (${total})`}
        actions={
          <CsvButton
            rows={users}
            columns={["username", "email", "name", "kind", "role", "isActive", "createdAt"]}
            filename="users.csv"
          />
        }
      >
        <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
          <label className="sr-only" htmlFor="q">
            Search users
          </label>
          <input
            id="q"
            name="q"
            defaultValue={q.q}
            placeholder="Search name, email, username"
            className={`${select} min-w-56 flex-1`}
          />
          <label className="sr-only" htmlFor="f-role">
            Role
          </label>
          <select id="f-role" name="role" defaultValue={q.role ?? ""} className={select}>
            <option value="">Any role</option>
            <option value="admin">admin</option>
            <option value="support">support</option>
            <option value="member">member</option>
          </select>
          <label className="sr-only" htmlFor="f-kind">
            Kind
          </label>
          <select id="f-kind" name="kind" defaultValue={q.kind ?? ""} className={select}>
            <option value="">People and services</option>
            <option value="human">People</option>
            <option value="service">Service accounts</option>
          </select>
          <label className="sr-only" htmlFor="f-active">
            Status
          </label>
          <select id="f-active" name="active" defaultValue={q.active ?? ""} className={select}>
            <option value="">Active and inactive</option>
            <option value="true">Active</option>
            <option value="false">Inactive</option>
          </select>
          <button className="rounded-md bg-slate-800 px-3 py-2 text-sm text-white dark:bg-slate-200 dark:text-slate-900">
            Filter
          </button>
        </form>
        <DataTable
          caption="Users and service accounts"
          rows={users}
          rowProps={(u) => ({ "data-testid": `user-row-${u.username}` })}
          empty={
            <EmptyState title="No users match">
              Change the filters{actor.role === "admin" ? ", or create a user above" : ""}.
            </EmptyState>
          }
          columns={[
            {
              id: "user",
              header: "User",
              cell: (u) => (
                <>
                  <div className="font-medium">{u.name || u.username}</div>
                  <div className="text-xs text-slate-500">
                    {u.username} · {u.email}
                  </div>
                </>
              ),
            },
            { id: "kind", header: "Kind", cell: (u) => (u.kind === "service" ? "service account" : "person") },
            { id: "role", header: "Role", cell: (u) => u.role },
            {
              id: "status",
              header: "Status",
              cell: (u) => <Badge tone={u.isActive ? "green" : "red"}>{u.isActive ? "active" : "inactive"}</Badge>,
            },
            actor.role === "admin" && {
              id: "actions",
              header: "Actions",
              align: "right",
              cell: (u) =>
                u.id !== actor.id && (
                  <UserRowActions id={u.id} username={u.username} role={u.role} isActive={u.isActive} />
                ),
            },
          ]}
        />
        <Pager basePath="/users" params={filters} page={q.page} size={q.size} total={total} />
      </Card>
    </>
  );
}
