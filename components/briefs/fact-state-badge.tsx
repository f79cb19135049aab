import { Badge } from "@/components/ui/badge";

/** A cited fact's state as words, not colour alone: agreed / conflicting / resolved, and stale. */
export function FactStateBadge({ state, stale }: { state: "agreed" | "conflicting" | "resolved"; stale: boolean }) {
  return (
    <>
      <Badge tone={state === "conflicting" ? "red" : state === "resolved" ? "blue" : "green"}>{state}</Badge>
      {stale ? <Badge tone="amber">stale</Badge> : null}
    </>
  );
}
