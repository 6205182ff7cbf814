import { Badge } from "@/components/ui/card";

const TONES = { Draft: "slate", Active: "green", Paused: "amber", Archived: "red" } as const;

export function StateBadge({ state }: { state: keyof typeof TONES }) {
  return <Badge tone={TONES[state]}>{state}</Badge>;
}
