// May a brief be published as it stands? Every cited fact must be settled: agreed by its
// sources or resolved by an editor, with a resolution that is not stale. An editor may publish
// anyway, but only with a note that readers see.

export type CitedFact = {
  id: string;
  label: string;
  state: "agreed" | "conflicting" | "resolved";
  stale: boolean;
  /** Confirmed claims behind the fact; none means nothing to cite. */
  claimCount: number;
};

export type BlockerReason = "conflicting" | "stale" | "no_evidence";
export type PublishBlocker = { factId: string; label: string; reason: BlockerReason };

const reasonText: Record<BlockerReason, string> = {
  conflicting: "its sources disagree and it is not resolved",
  stale: "its evidence changed after it was resolved",
  no_evidence: "no confirmed claim supports it",
};

export function publishBlockers(facts: readonly CitedFact[]): PublishBlocker[] {
  const blockers: PublishBlocker[] = [];
  for (const f of facts) {
    const reason: BlockerReason | null =
      f.claimCount === 0 ? "no_evidence" : f.state === "conflicting" ? "conflicting" : f.stale ? "stale" : null;
    if (reason) blockers.push({ factId: f.id, label: f.label, reason });
  }
  return blockers;
}

export function describeBlocker(b: PublishBlocker): string {
  return `${b.label}: ${reasonText[b.reason]}`;
}

export const MIN_OVERRIDE_NOTE = 20;

export type PublishDecision =
  | { ok: true; overridden: PublishBlocker[]; note: string | null }
  | { ok: false; blockers: PublishBlocker[]; message: string };

/** Refuses while any blocker stands, unless a note long enough to mean something is given. */
export function decidePublish(blockers: readonly PublishBlocker[], overrideNote: string | null | undefined): PublishDecision {
  const note = overrideNote?.trim() || null;
  if (blockers.length === 0) return { ok: true, overridden: [], note: null };
  if (note && note.length >= MIN_OVERRIDE_NOTE) return { ok: true, overridden: [...blockers], note };
  const list = blockers.map(describeBlocker).join("; ");
  return {
    ok: false,
    blockers: [...blockers],
    message: note
      ? `The note must say, in at least ${MIN_OVERRIDE_NOTE} characters, why readers can rely on this version (${list}).`
      : `Publishing is held back: ${list}. Resolve ${blockers.length === 1 ? "it" : "them"} first, or publish with a note that readers will see.`,
  };
}
