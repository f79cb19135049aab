// An editor's resolution to values over time ("$110 billion announced 27 Feb → $122 billion
// completed 31 Mar") instead of one value: the rows the form starts from, how the claims are
// ranked, and the rule for when a newly confirmed claim contradicts the timeline and reopens it.

import { formatDate, formatValue } from "@/lib/format";
import { isoDay } from "./dates";
import { sameDecimal } from "./decimal";
import { stated, statedAgree, toleranceOf, type PrecisionInput, type Stated } from "./precision";
import { stageOf, stageRank } from "./prepare";
import { withDefaults, type SettingsInput } from "./settings";
import { factTimeline } from "./timeline";
import type { ClaimRank, ClaimValue, ReconcileClaim } from "./types";

/** One accepted value of a timeline, in the fact's unit (the shape of Fact.acceptedTimeline entries). */
export type AcceptedEntry = {
  value: string | null;
  low: string | null;
  high: string | null;
  /** ISO day the value holds from. */
  asOf: string | null;
  modality: string | null;
  claimIds: readonly string[];
};

/** What the contradiction rule reads of a claim: its value, when it is dated, its stage. */
export type TimelineClaim = PrecisionInput & Pick<ReconcileClaim, "asOf" | "article" | "modality">;

/**
 * Rows to start a timeline resolution from: the fact's computed timeline (lib/reconcile
 * timeline) with reports of exactly the same value folded into one row when they share a
 * date or follow each other — the earliest date, the most advanced stage, all their claims.
 * An undated report joins the latest row with its value, else becomes a row with no date for
 * the editor to fill in. Given the fact's unit, values in another unit (a percentage filed
 * with dollar amounts) are left out: a timeline's values are all in the fact's unit.
 */
export function suggestAcceptedTimeline<T extends ReconcileClaim>(claims: readonly T[], unit?: string): AcceptedEntry[] {
  type Row = AcceptedEntry & { unit: string; claimIds: string[] };
  const rows: Row[] = [];
  const same = (row: Row, v: ClaimValue) => row.unit === v.unit && sameDecimal(row.value, v.value) && sameDecimal(row.low, v.low) && sameDecimal(row.high, v.high);
  const fold = (row: Row, e: { stage: string | null; claimIds: readonly string[] }) => {
    row.claimIds.push(...e.claimIds);
    if (stageRank(stageOf(e.stage)) > stageRank(stageOf(row.modality))) row.modality = e.stage;
  };
  for (const e of factTimeline(unit == null ? claims : claims.filter((c) => c.unit === unit))) {
    const into =
      e.date == null
        ? rows.findLast((r) => same(r, e.value))
        : rows.findLast((r) => r.asOf === e.date && same(r, e.value)) ?? (rows.at(-1) && rows.at(-1)!.asOf != null && same(rows.at(-1)!, e.value) ? rows.at(-1) : undefined);
    if (into) fold(into, e);
    else rows.push({ value: e.value.value, low: e.value.low, high: e.value.high, unit: e.value.unit, asOf: e.date, modality: e.stage, claimIds: [...e.claimIds] });
  }
  return rows.map((r) => ({ value: r.value, low: r.low, high: r.high, asOf: r.asOf, modality: r.modality, claimIds: r.claimIds }));
}

/**
 * The entries a claim can speak to, by when it is dated. Entry i holds from its as-of date up
 * to and including the next entry's (so on the day of a change either value fits); the first
 * entry also covers everything before it (the earliest value the timeline knows).
 * - A claim with an as-of date speaks to the entries holding on that day.
 * - A claim dated only by its article's publication may repeat any value that held by then,
 *   since reports look back ("the round, first announced at $110 billion …").
 * - An undated claim can speak to any entry.
 * Entries without a date are never excluded by time.
 */
export function compatibleEntries(claim: Pick<TimelineClaim, "asOf" | "article">, entries: readonly AcceptedEntry[]): number[] {
  const asOf = isoDay(claim.asOf);
  const published = asOf ? null : isoDay(claim.article?.publishedAt);
  const day = asOf ?? published;
  const out: number[] = [];
  entries.forEach((e, i) => {
    if (day == null || e.asOf == null) return void out.push(i);
    const startsBy = i === 0 || e.asOf <= day;
    const next = entries.slice(i + 1).find((n) => n.asOf != null)?.asOf ?? null;
    const stillHolds = published != null || next == null || day <= next;
    if (startsBy && stillHolds) out.push(i);
  });
  return out;
}

/**
 * Does a confirmed claim fit the accepted timeline? It does when an entry compatible in time
 * (compatibleEntries) has a value that agrees with the claim's — the same precision-aware
 * agreement, with the workspace tolerance, as everywhere else — and the claim does not
 * state a later stage than that entry ("completed at $110 billion" does not fit "$110 billion,
 * announced"). A claim that fits no entry contradicts the timeline.
 */
export function fitsTimeline(claim: TimelineClaim, entries: readonly AcceptedEntry[], unit: string, settings?: SettingsInput, memo = new Map<string, Stated>()): boolean {
  const s = withDefaults(settings);
  const tolerance = toleranceOf(s);
  const mine = stated(claim, s, memo);
  const myStage = stageRank(stageOf(typeof claim.modality === "string" ? claim.modality : null));
  return compatibleEntries(claim, entries).some((i) => {
    const e = entries[i]!;
    const theirStage = stageRank(stageOf(e.modality));
    if (myStage >= 0 && theirStage >= 0 && myStage > theirStage) return false;
    return statedAgree(mine, stated({ value: e.value, low: e.low, high: e.high, unit }, s, memo), tolerance);
  });
}

/** The opposite of fitsTimeline: the claim reopens a fact resolved to this timeline. */
export function contradictsTimeline(claim: TimelineClaim, entries: readonly AcceptedEntry[], unit: string, settings?: SettingsInput): boolean {
  return !fitsTimeline(claim, entries, unit, settings);
}

/**
 * Wikidata-style ranks for a timeline resolution: the claims behind the latest value are
 * preferred (the current value), those behind earlier values normal (true at their time),
 * and any other claim normal if it fits the timeline, else deprecated.
 */
export function timelineRanks<T extends TimelineClaim & { id: string }>(
  claims: readonly T[], entries: readonly AcceptedEntry[], unit: string, settings?: SettingsInput,
): { claimId: string; rank: ClaimRank }[] {
  const latest = new Set(entries.at(-1)?.claimIds ?? []);
  const cited = new Set(entries.flatMap((e) => e.claimIds));
  const memo = new Map<string, Stated>();
  return claims.map((c) => ({
    claimId: c.id,
    rank: latest.has(c.id) ? "preferred" : cited.has(c.id) || fitsTimeline(c, entries, unit, settings, memo) ? "normal" : "deprecated",
  }));
}

/** The value an entry states, in the fact's unit. */
export const entryValue = (e: Pick<AcceptedEntry, "value" | "low" | "high">, unit: string): ClaimValue => ({ value: e.value, low: e.low, high: e.high, unit });

/** "$110 billion announced 27 Feb 2026 → $122 billion completed 31 Mar 2026". */
export function describeAcceptedTimeline(entries: readonly AcceptedEntry[], unit: string): string {
  return entries
    .map((e) => [formatValue(entryValue(e, unit)), e.modality?.replaceAll("_", " "), e.asOf ? formatDate(e.asOf) : null].filter(Boolean).join(" "))
    .join(" → ");
}
