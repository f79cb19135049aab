// Re-running the extractor on an article: new suggestions are matched to the claims already
// there by span and value, so nothing is duplicated, and a person's decision is never touched.

export type ExistingClaim = {
  id: string;
  start: number;
  end: number;
  value: string | null;
  low: string | null;
  high: string | null;
  unit: string;
  status: "suggested" | "confirmed" | "rejected";
  /** True when a person edited or created the claim. */
  human: boolean;
};

export type NewSuggestion = { start: number; end: number; value: string | null; low: string | null; high: string | null; unit: string };

export type MergePlan<S> = {
  /** Untouched suggestions matched by a new one: refresh their fields to the new extractor's. */
  refresh: { id: string; suggestion: S }[];
  /** New figures nothing matched. */
  create: S[];
  /** Untouched suggestions the new extractor no longer proposes. */
  remove: string[];
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const sameValue = (a: NewSuggestion | ExistingClaim, b: NewSuggestion | ExistingClaim) =>
  a.unit === b.unit && a.value === b.value && a.low === b.low && a.high === b.high;

export function mergeSuggestions<S extends NewSuggestion>(existing: readonly ExistingClaim[], suggestions: readonly S[]): MergePlan<S> {
  const claimed = new Set<string>();
  const plan: MergePlan<S> = { refresh: [], create: [], remove: [] };
  for (const suggestion of suggestions) {
    // Prefer a claim with the same value over one that merely overlaps the same words.
    const candidates = existing.filter((c) => !claimed.has(c.id) && overlaps(c, suggestion));
    const match = candidates.find((c) => sameValue(c, suggestion)) ?? candidates.find((c) => c.start === suggestion.start && c.end === suggestion.end);
    if (!match) {
      plan.create.push(suggestion);
      continue;
    }
    claimed.add(match.id);
    if (match.status === "suggested" && !match.human) plan.refresh.push({ id: match.id, suggestion });
    // A decided or edited claim stays exactly as the person left it; the suggestion is dropped.
  }
  for (const c of existing) if (!claimed.has(c.id) && c.status === "suggested" && !c.human) plan.remove.push(c.id);
  return plan;
}
