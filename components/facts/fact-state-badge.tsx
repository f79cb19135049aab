import { Badge } from "@/components/ui/badge";

export function FactStateBadge({ state, stale }: { state: "agreed" | "conflicting" | "resolved"; stale?: boolean }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={state === "conflicting" ? "red" : state === "resolved" ? "blue" : "green"}>{state}</Badge>
      {stale ? <Badge tone="amber">reopened</Badge> : null}
    </span>
  );
}
