"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import type { RegistrationOutput, RegistrationState } from "@/lib/registration/schemas";
import { endpointOf, RegistrationStateBadge, when } from "./registration-state-badge";
import { RegistrationDecision } from "./registration-decision";

export type QueuePage = {
  items: RegistrationOutput[];
  total: number;
  page: number;
  size: number;
  counts: Record<RegistrationState, number>;
};

const TABS: { state?: RegistrationState; label: string }[] = [
  { state: "signed", label: "Signed" },
  { state: "pending", label: "Waiting for signature" },
  { state: "approved", label: "Approved" },
  { state: "rejected", label: "Rejected" },
  { state: "expired", label: "Expired" },
  { label: "All" },
];

/** The live approval queue: polls every few seconds; a change in the counts refreshes the sidebar badge too. */
export function ApprovalQueue({
  state,
  page,
  initial,
  canDecide,
}: {
  state?: RegistrationState;
  page: number;
  initial: QueuePage;
  canDecide: boolean;
}) {
  const router = useRouter();
  const { data, isFetching, isError } = useQuery<QueuePage>({
    queryKey: ["registrations", state ?? "all", page],
    queryFn: async () => {
      const res = await fetch(
        `/api/registrations?${new URLSearchParams({ ...(state ? { state } : {}), page: String(page) })}`,
        { cache: "no-store" },
      );
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 4_000,
  });
  const awaiting = data.counts.pending + data.counts.signed;
  const last = useRef(awaiting);
  useEffect(() => {
    if (last.current !== awaiting) router.refresh();
    last.current = awaiting;
  }, [awaiting, router]);

  return (
    <div>
      <nav aria-label="Request states" className="mb-4 flex flex-wrap gap-2">
        {TABS.map((t) => {
          const active = t.state === state;
          const n = t.state ? data.counts[t.state] : Object.values(data.counts).reduce((a, b) => a + b, 0);
          return (
            <Link
              key={t.label}
              href={t.state ? `/approvals?state=${t.state}` : "/approvals?state=all"}
              aria-current={active ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"}`}
            >
              {t.label} <span data-testid={`count-${t.state ?? "all"}`}>({n})</span>
            </Link>
          );
        })}
        <span className="ml-auto self-center text-xs text-slate-500" aria-live="polite">
          {isError ? "Live updates paused (connection problem)" : isFetching ? "Updating…" : "Live"}
        </span>
      </nav>
      <DataTable
        caption={`Provider registration requests: ${TABS.find((t) => t.state === state)?.label ?? "All"}`}
        rows={data.items}
        rowProps={(r) => ({ "data-testid": "registration-row", "data-spec-id": r.specId, className: "align-top" })}
        empty={
          <EmptyState title="Nothing here">
            {state === "signed"
              ? "No signed requests wait for approval. Integration modules ask with POST /api/providers/requestApproval; provider admins use the onboarding wizard."
              : "No requests in this state."}
          </EmptyState>
        }
        columns={[
          {
            id: "provider",
            header: "Provider",
            cell: (r) => (
              <>
                <span className="font-medium">{r.specId}</span>
                {r.name && r.name !== r.specId && <span className="block text-xs text-slate-500">{r.name}</span>}
                <span className="block text-xs text-slate-500">
                  {r.origin === "wizard" ? "onboarding wizard" : "integration module"}
                </span>
              </>
            ),
          },
          { id: "endpoint", header: "Endpoint", className: "font-mono text-xs", cell: (r) => endpointOf(r) },
          {
            id: "state",
            header: "State",
            cell: (r) => (
              <>
                <RegistrationStateBadge state={r.state} />
                {r.rejectionReason && (
                  <span className="mt-1 block max-w-xs text-xs text-slate-600 dark:text-slate-400">
                    “{r.rejectionReason}”
                  </span>
                )}
              </>
            ),
          },
          {
            id: "requested",
            header: "Requested",
            className: "text-xs",
            cell: (r) => (
              <>
                {when(r.createdAt)}
                <span className="block text-slate-500">
                  {r.requestedBy ?? (r.requesterIp ? `from ${r.requesterIp}` : "anonymous")}
                </span>
              </>
            ),
          },
          {
            id: "signed",
            header: "Signed",
            className: "text-xs",
            cell: (r) =>
              r.signedBy ? (
                <>
                  {r.signedBy}
                  <span className="block text-slate-500">{when(r.signedAt)}</span>
                </>
              ) : (
                "—"
              ),
          },
          {
            id: "decided",
            header: "Decided",
            className: "text-xs",
            cell: (r) =>
              r.decidedBy ? (
                <>
                  {r.decidedBy}
                  <span className="block text-slate-500">{when(r.decidedAt)}</span>
                </>
              ) : r.state === "expired" || r.state === "approved" || r.state === "rejected" ? (
                "—"
              ) : (
                `expires ${when(r.expiresAt)}`
              ),
          },
          {
            id: "actions",
            header: <span className="sr-only">Actions</span>,
            align: "right",
            cell: (r) => (
              <>
                {r.providerId && (
                  <Link
                    className="text-brand-700 underline dark:text-brand-100"
                    href={`/providers/${encodeURIComponent(r.providerId)}?tab=registration`}
                  >
                    Provider page
                  </Link>
                )}
                {canDecide && (r.state === "signed" || r.state === "pending") && (
                  <RegistrationDecision id={r.id} specId={r.specId} canApprove={r.state === "signed"} />
                )}
              </>
            ),
          },
        ]}
      />
      <Pager
        basePath="/approvals"
        params={{ state: state ?? "all" }}
        page={data.page}
        size={data.size}
        total={data.total}
      />
    </div>
  );
}
