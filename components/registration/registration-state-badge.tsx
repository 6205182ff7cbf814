import { Badge } from "@/components/ui/card";
import type { RegistrationState } from "@/lib/registration/schemas";

const TONES = { pending: "amber", signed: "blue", approved: "green", rejected: "red", expired: "slate" } as const;
const LABELS = {
  pending: "waiting for signature",
  signed: "signed, awaiting approval",
  approved: "approved",
  rejected: "rejected",
  expired: "expired",
} as const;

export function RegistrationStateBadge({ state }: { state: RegistrationState }) {
  return <Badge tone={TONES[state]}>{LABELS[state]}</Badge>;
}

export const endpointOf = (r: { https: boolean; domain: string; port: number | null }) =>
  `${r.https ? "https" : "http"}://${r.domain.includes(":") ? `[${r.domain}]` : r.domain}${r.port ? `:${r.port}` : ""}`;
export const when = (iso: string | null) =>
  iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—";
