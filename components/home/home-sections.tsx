import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { Sparkline } from "@/components/ui/sparkline";
import type { AttentionItem } from "@/lib/dashboard/attention";
import type { Home, HomeProvider } from "@/lib/dashboard/home";

const fmt = (n: number | null) => (n === null ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: 1 }));
const linkClass = "text-blue-700 underline underline-offset-2 dark:text-blue-400";

const Nothing = ({ testId }: { testId: string }) => (
  <p className="text-sm text-slate-600 dark:text-slate-400" data-testid={testId}>
    Nothing waits for you right now.
  </p>
);

/** Counts of what needs attention (staff), each a link to the list holding them. */
export function Attention({ items }: { items: AttentionItem[] }) {
  return (
    <Card title="Needs attention" className="mb-6">
      {items.length === 0 ? (
        <Nothing testId="attention-empty" />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="attention">
          {items.map((a) => (
            <li key={a.key}>
              <Link
                href={a.href}
                className="flex items-center justify-between rounded-md border border-slate-200 px-4 py-3 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                <span className="text-sm">{a.label}</span>
                <Badge tone={a.tone}>{a.count}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function NextSteps({ steps }: { steps: Home["nextSteps"] }) {
  return (
    <Card title="What to do next" className="mb-6">
      {steps.length === 0 ? (
        <Nothing testId="next-steps-empty" />
      ) : (
        <ol className="space-y-2" data-testid="next-steps">
          {steps.map((s) => (
            <li key={s.key} className="flex items-center gap-2 text-sm">
              <Badge tone={s.tone}>{s.tone === "red" ? "now" : s.tone === "amber" ? "soon" : "next"}</Badge>
              <Link href={s.href} className={linkClass}>
                {s.label}
              </Link>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

const WELCOME_TONE = { delivered: "green", failing: "red", pending: "amber", none: "slate" } as const;

export function ProviderStates({ providers, title }: { providers: HomeProvider[]; title: string }) {
  return (
    <Card title={title} className="mb-6">
      {providers.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No provider yet.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="home-providers">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pr-4 font-medium">Provider</th>
              <th className="py-1 pr-4 font-medium">Source</th>
              <th className="py-1 pr-4 font-medium">Registration</th>
              <th className="py-1 font-medium">Welcome</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {providers.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/providers/${encodeURIComponent(p.id)}`} className={linkClass}>
                    {p.name}
                  </Link>
                </th>
                <td className="py-2 pr-4">{p.source}</td>
                <td className="py-2 pr-4">{p.registration ?? "—"}</td>
                <td className="py-2" title={p.welcomeError ?? undefined}>
                  <Badge tone={WELCOME_TONE[p.welcome]}>{p.welcome === "none" ? "no welcome" : p.welcome}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function OfferingStates({ offerings }: { offerings: Home["offerings"] }) {
  return (
    <Card title="Offerings by state" className="mb-6">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="home-offerings">
        {offerings.map((o) => (
          <li key={o.state} className="rounded-md border border-slate-200 px-4 py-3 dark:border-slate-700">
            <p className="text-sm text-slate-600 dark:text-slate-400">{o.state}</p>
            <p className="text-2xl font-semibold tabular-nums">{o.count}</p>
            {o.next && o.count > 0 && (
              <Link href={o.next.href} className={`text-sm ${linkClass}`}>
                {o.next.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function UsageThisMonth({ usage, title }: { usage: Home["usage"]; title: string }) {
  return (
    <Card title={title} className="mb-6">
      {usage.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No usage reported this month yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="home-usage">
          {usage.map((m) => (
            <li key={m.metricName} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <span className="min-w-40">
                <span className="font-medium">{m.metricName}</span>
                <span className="block tabular-nums">
                  {fmt(m.month)} {m.unit} this month
                </span>
              </span>
              <Sparkline values={m.daily} label={`${m.metricName} per day this month, ${m.daily.length} days`} />
              <span className="min-w-56 tabular-nums">
                {m.capacity === null ? (
                  "No capacity registered"
                ) : (
                  <>
                    {fmt(m.capacityUsed)} of {fmt(m.capacity)} {m.unit} in the capacity period{" "}
                    <Badge
                      tone={(m.usagePercentage ?? 0) > 100 ? "red" : (m.usagePercentage ?? 0) >= 80 ? "amber" : "green"}
                    >
                      {m.usagePercentage} %
                    </Badge>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-slate-500">
        A capacity is a budget for its capacity period (from the day it is registered until the next one), so it is
        compared with the period&apos;s usage so far, not with this month&apos;s.{" "}
        <Link href="/usage/dashboard" className={linkClass}>
          Charts
        </Link>
      </p>
    </Card>
  );
}

export function Tokens({ tokens }: { tokens: Home["tokens"] }) {
  return (
    <Card title="Your API tokens" className="mb-6">
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No active token.{" "}
          <Link href="/tokens" className={linkClass}>
            Make one
          </Link>{" "}
          to call the APIs.
        </p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="home-tokens">
          {tokens.map((t) => (
            <li key={t.id} className="flex justify-between gap-2">
              <span>
                {t.name} <span className="font-mono text-slate-500">{t.prefix}…</span>
              </span>
              <span className={t.expiresSoon ? "font-medium text-amber-700 dark:text-amber-400" : "text-slate-500"}>
                {t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : "no expiry"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function Queue({ queue, readOnly }: { queue: Home["queue"]; readOnly: boolean }) {
  return (
    <Card title={readOnly ? "Registrations waiting for an admin" : "Approval queue"} className="mb-6">
      {queue.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No signed registration waits for a decision.</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="home-queue">
          {queue.map((r) => (
            <li key={r.id} className="flex justify-between gap-2 py-2">
              <span>
                {r.name} <span className="text-slate-500">({r.specId})</span>
              </span>
              <span className="text-slate-500">signed, requested {r.createdAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      )}
      <Link href="/approvals" className={`mt-2 inline-block text-sm ${linkClass}`}>
        {readOnly ? "See the queue" : "Open the queue"}
      </Link>
    </Card>
  );
}
