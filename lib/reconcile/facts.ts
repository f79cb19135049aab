import { sameDecimal } from "./decimal";

// Facts are the workspace-level questions claims answer: (subject, attribute, qualifiers).
// This first version compares values exactly; tolerance and explanations come later.

export type ClaimValue = { value: string | null; low: string | null; high: string | null; unit: string };
export type FactClaim = ClaimValue & { id: string; rank: "preferred" | "normal" | "deprecated"; confirmedAt: Date | null };
export type FactState = "agreed" | "conflicting" | "resolved";

export function qualifierKey(q: { counterpartyKey?: string | null; basis?: string | null }): string {
  return [q.counterpartyKey ? `counterparty:${q.counterpartyKey}` : "", q.basis ? `basis:${q.basis}` : ""]
    .filter(Boolean)
    .join("|");
}

export function sameValue(a: ClaimValue, b: ClaimValue): boolean {
  return a.unit === b.unit && sameDecimal(a.value, b.value) && sameDecimal(a.low, b.low) && sameDecimal(a.high, b.high);
}

/** Distinct values among claims, in first-seen order. */
export function distinctValues<T extends ClaimValue>(claims: readonly T[]): T[] {
  const out: T[] = [];
  for (const c of claims) if (!out.some((o) => sameValue(o, c))) out.push(c);
  return out;
}

/**
 * A fact is agreed when every confirmed claim gives the same value, conflicting otherwise.
 * Once resolved it stays resolved until a claim confirmed after the resolution disagrees
 * with the accepted value; then it reopens as conflicting.
 */
export function factState(
  claims: readonly FactClaim[],
  resolution: { accepted: ClaimValue; resolvedAt: Date } | null,
): FactState {
  if (resolution) {
    const contradicted = claims.some(
      (c) => c.confirmedAt != null && c.confirmedAt > resolution.resolvedAt && !sameValue(c, resolution.accepted),
    );
    return contradicted ? "conflicting" : "resolved";
  }
  return distinctValues(claims).length > 1 ? "conflicting" : "agreed";
}
