import { Badge } from "@/components/ui/card";

const TONES = { catalogue: "blue", argo: "green", registration: "amber", portal: "slate" } as const;
const LABELS = {
  catalogue: "EOSC catalogue",
  argo: "ARGO API",
  registration: "UCloud registration",
  portal: "portal",
} as const;

export function SourceBadge({ source }: { source: keyof typeof TONES }) {
  return <Badge tone={TONES[source]}>{LABELS[source]}</Badge>;
}
