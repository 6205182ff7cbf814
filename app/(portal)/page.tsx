import Link from "next/link";
import {
  Attention,
  NextSteps,
  OfferingStates,
  ProviderStates,
  Queue,
  Tokens,
  UsageThisMonth,
} from "@/components/home/home-sections";
import { Card, PageHeader } from "@/components/ui/card";
import { attentionItems } from "@/lib/dashboard/attention";
import { homeFor } from "@/lib/dashboard/home";
import { dashboardCounts } from "@/lib/dashboard/queries";
import { getDb } from "@/lib/db/client";
import { organisationsOfUser } from "@/lib/organisations/queries";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "Dashboard" };

const DESCRIPTION = {
  provider: "Your providers, their offerings and usage, and what to do next.",
  federation: "The approval queue and what needs attention in the federation.",
  support: "What to look into in the federation (read-only).",
  member: "Your projects, tokens and the catalogue.",
};

const linkClass = "text-blue-700 underline underline-offset-2 dark:text-blue-400";

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [home, counts, orgs, attention] = await Promise.all([
    homeFor(db, actor),
    dashboardCounts(db, actor),
    organisationsOfUser(db, actor.id),
    attentionItems(db, actor),
  ]);
  const staff = home.kind === "federation" || home.kind === "support";
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name || actor.username}`} description={DESCRIPTION[home.kind]} />
      <NextSteps steps={home.nextSteps} />
      {staff && (
        <>
          <Queue queue={home.queue} readOnly={home.kind === "support"} />
          <Attention items={attention} />
          <ProviderStates providers={home.providers} title="Newest providers" />
          <UsageThisMonth usage={home.usage} title="Federation-wide usage this month" />
        </>
      )}
      {home.kind === "provider" && (
        <>
          <ProviderStates providers={home.providers} title="Your providers" />
          <OfferingStates offerings={home.offerings} />
          <UsageThisMonth usage={home.usage} title="Usage this month" />
          <Card title="Wizards" className="mb-6">
            <ul className="flex flex-wrap gap-4 text-sm">
              <li>
                <Link href="/onboarding" className={linkClass}>
                  Register a provider
                </Link>
              </li>
              <li>
                <Link href="/offerings/new" className={linkClass}>
                  Describe an offering
                </Link>
              </li>
              <li>
                <Link href="/usage" className={linkClass}>
                  Build a usage report
                </Link>
              </li>
              <li>
                <Link href="/usage/upload" className={linkClass}>
                  Upload usage
                </Link>
              </li>
            </ul>
          </Card>
        </>
      )}
      {home.kind === "member" && (
        <Card title="Your projects" className="mb-6">
          {home.projects.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No project shares its usage with you yet. Find a service in the{" "}
              <Link href="/catalogue" className={linkClass}>
                catalogue
              </Link>
              .
            </p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="home-projects">
              {home.projects.map((p) => (
                <li key={`${p.providerId}:${p.projectId}`}>
                  <Link
                    href={`/usage?provider=${encodeURIComponent(p.providerId)}&project=${encodeURIComponent(p.projectId)}`}
                    className={linkClass}
                  >
                    {p.projectId} at {p.providerName}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm">
            <Link href="/catalogue" className={linkClass}>
              Browse the catalogue
            </Link>
          </p>
        </Card>
      )}
      <Tokens tokens={home.tokens} />
      {staff && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {counts.map((c) => (
            <Card key={c.label}>
              <p className="text-sm text-slate-600 dark:text-slate-400">{c.label}</p>
              <p className="mt-1 text-3xl font-semibold" data-testid={`count-${c.label}`}>
                {c.href ? <Link href={c.href}>{c.value}</Link> : c.value}
              </p>
            </Card>
          ))}
        </div>
      )}
      {orgs.length > 0 && (
        <Card title="Your organisations" className="mt-6">
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {orgs.map((o) => (
              <li key={o.id} className="flex justify-between py-2 text-sm">
                <span>{o.name}</span>
                <span className="text-slate-500">{o.role}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
