import { parseAndCluster } from "./clusters";
import { sameDecimal } from "./decimal";
import { stated, statedAgree, toleranceOf, type PrecisionInput, type Stated } from "./precision";
import { withDefaults, type SettingsInput } from "./settings";
import { fitsTimeline, type AcceptedEntry, type TimelineClaim } from "./accepted";
import type { ClaimRank, ClaimValue } from "./types";

// Facts are the workspace-level questions claims answer: (subject, attribute, qualifiers).
// Grouping is exact on those keys; whether the claims of a fact agree is precision-aware
// (see precision.ts) and tunable by the workspace tolerance.

export type { ClaimValue } from "./types";
export type FactClaim = ClaimValue & {
  id: string;
  rank: ClaimRank;
  confirmedAt: Date | null;
  valueText?: string | null;
  modality?: string | null;
  quote?: string | null;
};
export type FactState = "agreed" | "conflicting" | "resolved";

/** Counterparty and basis folded into one key ("" when none), so one unique index groups facts. */
export function qualifierKey(q: { counterpartyKey?: string | null; basis?: string | null }): string {
  return [q.counterpartyKey ? `counterparty:${q.counterpartyKey}` : "", q.basis ? `basis:${q.basis}` : ""]
    .filter(Boolean)
    .join("|");
}

/** Exactly the same value, however the decimal is written. For display and dedupe, not agreement. */
export function sameValue(a: ClaimValue, b: ClaimValue): boolean {
  return a.unit === b.unit && sameDecimal(a.value, b.value) && sameDecimal(a.low, b.low) && sameDecimal(a.high, b.high);
}

/** Distinct values among claims, in first-seen order. */
export function distinctValues<T extends ClaimValue>(claims: readonly T[]): T[] {
  const out: T[] = [];
  for (const c of claims) if (!out.some((o) => sameValue(o, c))) out.push(c);
  return out;
}

export type GroupableClaim = { subjectKey: string; attribute: string; counterpartyKey?: string | null; basis?: string | null };
export type FactKey = { subjectKey: string; attribute: string; qualifierKey: string };
export type FactGroup<T> = FactKey & { key: string; claims: T[] };

/** The identity of the fact a claim answers; `key` is one string for maps and React keys. */
export function factKey(claim: GroupableClaim): FactKey & { key: string } {
  const q = qualifierKey(claim);
  return { subjectKey: claim.subjectKey, attribute: claim.attribute, qualifierKey: q, key: `${claim.subjectKey}\u241f${claim.attribute}\u241f${q}` };
}

/**
 * Groups confirmed claims into facts by subject entity, attribute and qualifier key — the
 * same identity the database's unique index uses — so pure code (previews, benchmarks,
 * tests) groups exactly as the server does. Groups and their claims keep first-seen order.
 */
export function groupIntoFacts<T extends GroupableClaim>(claims: readonly T[]): FactGroup<T>[] {
  const groups = new Map<string, FactGroup<T>>();
  for (const c of claims) {
    const k = factKey(c);
    const g = groups.get(k.key);
    if (g) g.claims.push(c);
    else groups.set(k.key, { ...k, claims: [c] });
  }
  return [...groups.values()];
}

/**
 * A fact is agreed when every confirmed claim fits every other (within stated precision and
 * the workspace tolerance), conflicting otherwise. Once resolved it stays resolved until a
 * claim confirmed after the resolution contradicts it; then it reopens as conflicting. A
 * one-value resolution is contradicted by a claim that disagrees with the accepted value; a
 * timeline resolution by a claim that fits no entry of the timeline (see fitsTimeline: the
 * value must agree with an entry that holds at the claim's date). Without valueText and with
 * tolerance 0 (the default) values compare exactly.
 */
export function factState(
  claims: readonly ((FactClaim | PrecisionInput) & { confirmedAt?: Date | null } & Partial<TimelineClaim>)[],
  resolution: { accepted: ClaimValue; resolvedAt: Date; timeline?: readonly AcceptedEntry[] | null } | null,
  settings?: SettingsInput,
): FactState {
  const s = withDefaults(settings);
  if (resolution) {
    const memo = new Map<string, Stated>();
    const accepted = stated(resolution.accepted, s, memo);
    const tolerance = toleranceOf(s);
    const timeline = resolution.timeline?.length ? resolution.timeline : null;
    const contradicts = (c: (typeof claims)[number]) =>
      timeline ? !fitsTimeline(c, timeline, resolution.accepted.unit, s, memo) : !statedAgree(stated(c, s, memo), accepted, tolerance);
    const contradicted = claims.some((c) => c.confirmedAt != null && c.confirmedAt > resolution.resolvedAt && contradicts(c));
    return contradicted ? "conflicting" : "resolved";
  }
  return parseAndCluster(claims, s).length > 1 ? "conflicting" : "agreed";
}
