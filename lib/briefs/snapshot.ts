import { formatValue, humanize } from "@/lib/format";
import { distinctValues, type ClaimValue } from "@/lib/reconcile/facts";

// What a published brief version holds: everything the reader page shows, and nothing else
// of the workspace. Built once at publish time and stored immutably.

export type SourceArticle = { title: string; outlet: string | null; author: string | null; url: string | null; publishedAt: string | null };
export type EvidenceClaim = ClaimValue & {
  rank: "preferred" | "normal" | "deprecated";
  valueText: string;
  citations: { exact: string; prefix: string; suffix: string }[];
  article: SourceArticle;
};
export type EvidenceFact = {
  id: string;
  subject: string;
  attribute: string;
  state: "agreed" | "conflicting" | "resolved";
  accepted: ClaimValue | null;
  rationale: string | null;
  claims: EvidenceClaim[];
};

export type SnapshotSource = SourceArticle & { quote: string; prefix: string; suffix: string; valueText: string; rank: EvidenceClaim["rank"] };
export type SnapshotFootnote = { n: number; subject: string; attribute: string; value: string; state: EvidenceFact["state"]; rationale: string | null; sources: SnapshotSource[] };
export type BriefSnapshot = {
  title: string;
  sections: { heading: string; statements: { text: string; footnotes: number[] }[] }[];
  footnotes: SnapshotFootnote[];
};

const rankOrder = { preferred: 0, normal: 1, deprecated: 2 } as const;

function factValue(fact: EvidenceFact): string {
  if (fact.accepted) return formatValue(fact.accepted);
  const values = distinctValues(fact.claims.filter((c) => c.rank !== "deprecated"));
  return values.length ? values.map(formatValue).join(" or ") : "—";
}

export function buildSnapshot(
  title: string,
  content: { sections: { heading: string; statements: { text: string; factIds: string[] }[] }[] },
  facts: ReadonlyMap<string, EvidenceFact>,
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
          footnotes.push({
            n,
            subject: fact.subject,
            attribute: humanize(fact.attribute),
            value: factValue(fact),
            state: fact.state,
            rationale: fact.rationale,
            sources: [...fact.claims]
              .filter((c) => c.rank !== "deprecated")
              .sort((a, b) => rankOrder[a.rank] - rankOrder[b.rank])
              .flatMap((c) => c.citations.map((cite) => ({ ...c.article, quote: cite.exact, prefix: cite.prefix, suffix: cite.suffix, valueText: c.valueText, rank: c.rank }))),
          });
        }
        return [n];
      }),
    })),
  }));
  return { title, sections, footnotes };
}
