import { formatValue, humanize } from "@/lib/format";
import { distinctValues, type ClaimValue } from "@/lib/reconcile/facts";
import { independentSources } from "@/lib/reconcile/sources";
import { latestEntry, timelineSummary, type AcceptedTimelineEntry } from "./timeline";

// What a published brief version holds: everything the reader page shows, and nothing else
// of the workspace. Built once at publish time and stored immutably.

export type SourceArticle = { title: string; outlet: string | null; author: string | null; url: string | null; publishedAt: string | null };
export type EvidenceClaim = ClaimValue & {
  /** Used only to count independent sources; never copied into the snapshot. */
  id?: string;
  rank: "preferred" | "normal" | "deprecated";
  /** Why the editor ranked the claim so (the resolution's rationale), when not "normal". */
  rankReason?: string | null;
  modality?: string | null;
  valueText: string;
  citations: { exact: string; prefix: string; suffix: string }[];
  article: SourceArticle;
};
export type EvidenceFact = {
  id: string;
  subject: string;
  attribute: string;
  state: "agreed" | "conflicting" | "resolved";
  /** The evidence changed after the fact was resolved: its resolution needs another look. */
  stale?: boolean;
  accepted: ClaimValue | null;
  /** Resolved to values over time: the entries, oldest first (then `accepted` is not used). */
  timeline?: AcceptedTimelineEntry[] | null;
  /** The fact's unit, for the timeline's values. */
  unit?: string;
  rationale: string | null;
  claims: EvidenceClaim[];
};

// Fields marked optional were added after the first versions were published: a snapshot
// written before them still renders, without them.
export type SnapshotSource = SourceArticle & {
  quote: string; prefix: string; suffix: string; valueText: string; rank: EvidenceClaim["rank"];
  rankReason?: string | null;
};
/** One value of a fact resolved to a timeline, with the sources (indexes into `sources`) behind it. */
export type SnapshotTimelineEntry = {
  value: string;
  quantity: ClaimValue;
  asOf: string | null;
  modality: string | null;
  sources: number[];
};
export type SnapshotFootnote = {
  n: number; subject: string; attribute: string; value: string; state: EvidenceFact["state"]; rationale: string | null; sources: SnapshotSource[];
  /** The accepted value (or the one value all sources agree on), exact, for JSON-LD. */
  quantity?: ClaimValue | null;
  /** Articles that count as separate sources for the value (copies of one story count once). */
  independentSources?: number;
  /** Published over an unresolved conflict or a stale resolution, under the editor's note. */
  overridden?: boolean;
  /** The fact's values over time, when the editor resolved it to a timeline; absent in older versions. */
  timeline?: SnapshotTimelineEntry[] | null;
};
export type BriefSnapshot = {
  title: string;
  sections: { heading: string; statements: { text: string; footnotes: number[] }[] }[];
  footnotes: SnapshotFootnote[];
  /** What the editor wants readers to know about this version's changes. */
  changeNote?: string | null;
  /** The editor's note when publishing over a conflicting or stale fact; readers see it. */
  overrideNote?: string | null;
};

const rankOrder = { preferred: 0, normal: 1, deprecated: 2 } as const;

const unitOf = (fact: EvidenceFact) => fact.unit ?? fact.accepted?.unit ?? fact.claims[0]?.unit ?? "";

function factValue(fact: EvidenceFact): string {
  if (fact.timeline?.length) return timelineSummary(fact.timeline, unitOf(fact));
  if (fact.accepted) return formatValue(fact.accepted);
  const values = distinctValues(fact.claims.filter((c) => c.rank !== "deprecated"));
  return values.length ? values.map(formatValue).join(" or ") : "—";
}

function factQuantity(fact: EvidenceFact): ClaimValue | null {
  // A timeline's quantity is where it stands now: its latest value.
  const latest = fact.timeline?.length ? latestEntry(fact.timeline) : null;
  if (latest) return { value: latest.value, low: latest.low, high: latest.high, unit: unitOf(fact) };
  if (fact.accepted) return { value: fact.accepted.value, low: fact.accepted.low, high: fact.accepted.high, unit: fact.accepted.unit };
  const values = distinctValues(fact.claims.filter((c) => c.rank !== "deprecated"));
  const only = values.length === 1 ? values[0] : undefined;
  return only ? { value: only.value, low: only.low, high: only.high, unit: only.unit } : null;
}

/** Independent sources behind the value given: the preferred claims, else every claim kept. */
function countIndependent(fact: EvidenceFact): number {
  const kept = fact.claims.filter((c) => c.rank !== "deprecated");
  const preferred = kept.filter((c) => c.rank === "preferred");
  const backing = (preferred.length ? preferred : kept).map((c, i) => ({
    id: c.id ?? `c${i}`, value: c.value, low: c.low, high: c.high, unit: c.unit, valueText: c.valueText,
    quote: c.citations[0]?.exact ?? null,
    article: { id: `${c.article.outlet ?? ""}|${c.article.title}|${c.article.url ?? ""}`, outlet: c.article.outlet, title: c.article.title, publishedAt: c.article.publishedAt },
  }));
  if (backing.length === 0) return 0;
  return independentSources(backing).reduce((n, v) => Math.max(n, v.independentSources), 0);
}

export type SnapshotOptions = { changeNote?: string | null; overrideNote?: string | null; overriddenFactIds?: ReadonlySet<string> };

export function buildSnapshot(
  title: string,
  content: { sections: { heading: string; statements: { text: string; factIds: string[] }[] }[] },
  facts: ReadonlyMap<string, EvidenceFact>,
  options: SnapshotOptions = {},
): BriefSnapshot {
  const numbers = new Map<string, number>();
  const footnotes: SnapshotFootnote[] = [];
  const sections = content.sections.map((section) => ({
    heading: section.heading,
    statements: section.statements.map((statement) => ({
      text: statement.text,
      footnotes: statement.factIds.flatMap((factId) => {
        const fact = facts.get(factId);
        if (!fact) return [];
        let n = numbers.get(factId);
        if (n === undefined) {
          n = footnotes.length + 1;
          numbers.set(factId, n);
          const kept = [...fact.claims].filter((c) => c.rank !== "deprecated").sort((a, b) => rankOrder[a.rank] - rankOrder[b.rank]);
          const sources = kept.flatMap((c) => c.citations.map((cite) => ({
            source: {
              ...c.article, quote: cite.exact, prefix: cite.prefix, suffix: cite.suffix, valueText: c.valueText, rank: c.rank, rankReason: c.rankReason ?? null,
            },
            claimId: c.id,
          })));
          footnotes.push({
            n,
            subject: fact.subject,
            attribute: humanize(fact.attribute),
            value: factValue(fact),
            state: fact.state,
            rationale: fact.rationale,
            sources: sources.map((s) => s.source),
            quantity: factQuantity(fact),
            independentSources: countIndependent(fact),
            overridden: options.overriddenFactIds?.has(factId) ?? false,
            timeline: fact.timeline?.length
              ? fact.timeline.map((e) => {
                const quantity = { value: e.value, low: e.low, high: e.high, unit: unitOf(fact) };
                return {
                  value: formatValue(quantity), quantity, asOf: e.asOf, modality: e.modality,
                  sources: sources.flatMap((s, i) => (s.claimId != null && e.claimIds.includes(s.claimId) ? [i] : [])),
                };
              })
              : null,
          });
        }
        return [n];
      }),
    })),
  }));
  return { title, sections, footnotes, changeNote: options.changeNote ?? null, overrideNote: options.overrideNote ?? null };
}
