// A fact's values over time: most disagreement in deal reporting is a figure moving through
// target → in talks → announced → completed. Ordering by as-of date (else the article's
// published date) and marking each stage lets an editor see that story at a glance.

import { formatValue } from "@/lib/format";
import { canonicalDecimal, decCmp, parseDec } from "./decimal";
import { prepare, stageRank, type DateSource, type Prepared } from "./prepare";
import { DEFAULT_SETTINGS } from "./settings";
import type { ClaimValue, ReconcileClaim, Stage } from "./types";

export type TimelineEntry = {
  /** ISO day; null when neither an as-of nor a published date is known (listed last). */
  date: string | null;
  /** "as_of" when any claim of the entry states its as-of date, else "published". */
  dateSource: DateSource | null;
  stage: Stage | null;
  /** Every modality its claims carry (a stage or not: "contingent", "estimate" …). */
  modalities: string[];
  value: ClaimValue;
  label: string;
  claimIds: string[];
  articleIds: string[];
  outlets: string[];
};

const canonical = (x: string | null): string => (x == null ? "" : parseDec(x) ? canonicalDecimal(x) : x);
const valueKey = (v: ClaimValue): string => [v.unit, canonical(v.value), canonical(v.low), canonical(v.high)].join("|");

/** Numeric order of two values' first figure; falls back to string order (dates, opaque). */
function compareValues(a: Prepared, b: Prepared): number {
  const x = a.stated.point;
  const y = b.stated.point;
  if (x && y) return decCmp(x, y);
  return valueKey(a.claim).localeCompare(valueKey(b.claim));
}

/**
 * The values of a fact in time order, one entry per (date, stage, exact value), each with its
 * stage for display. Ties on a date go by stage (target first), then value. Deterministic.
 */
export function factTimeline<T extends ReconcileClaim>(claims: readonly T[]): TimelineEntry[] {
  const prepared = prepare(claims, DEFAULT_SETTINGS, null);
  const entries = new Map<string, { first: Prepared; items: Prepared[] }>();
  for (const p of prepared) {
    const key = `${p.date ?? ""}\u241f${p.stage ?? ""}\u241f${valueKey(p.claim)}`;
    const e = entries.get(key);
    if (e) e.items.push(p);
    else entries.set(key, { first: p, items: [p] });
  }
  return [...entries.values()]
    .sort((a, b) => {
      const x = a.first;
      const y = b.first;
      if (x.date !== y.date) return x.date == null ? 1 : y.date == null ? -1 : x.date < y.date ? -1 : 1;
      const stage = (stageRank(x.stage) < 0 ? 99 : stageRank(x.stage)) - (stageRank(y.stage) < 0 ? 99 : stageRank(y.stage));
      return stage || compareValues(x, y) || x.index - y.index;
    })
    .map(({ first, items }) => {
      const value = { value: first.claim.value, low: first.claim.low, high: first.claim.high, unit: first.claim.unit };
      const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
      return {
        date: first.date,
        dateSource: items.some((p) => p.dateSource === "as_of") ? "as_of" : first.dateSource,
        stage: first.stage,
        modalities: unique(items.map((p) => (typeof p.claim.modality === "string" ? p.claim.modality : null))),
        value,
        label: formatValue(value),
        claimIds: items.map((p) => p.claim.id),
        articleIds: unique(items.map((p) => p.articleId)),
        outlets: unique(items.map((p) => p.outlet)),
      };
    });
}
