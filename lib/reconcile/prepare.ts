// Everything reconciliation derives from one claim, computed once per call so that facts
// with hundreds of claims stay fast: parsed value, effective date, stage, definition (basis),
// source identity and quote signature.

import { isoDay } from "./dates";
import { stated, type Stated } from "./precision";
import { attributedOrigin, ShingleTable, sourceKey, type QuoteSignature } from "./quotes";
import type { ReconcileSettings } from "./settings";
import { STAGES, type ReconcileClaim, type Stage } from "./types";

export type DateSource = "as_of" | "published";

export type Prepared<T extends ReconcileClaim = ReconcileClaim> = {
  claim: T;
  index: number;
  stated: Stated;
  /** As-of date, else the article's published date. */
  date: string | null;
  dateSource: DateSource | null;
  stage: Stage | null;
  /** What the figure measures beyond its attribute: pre_money, post_money, upfront, contingent, total, run_rate, annual. */
  basis: string | null;
  articleId: string | null;
  outlet: string | null;
  outletKey: string | null;
  origin: { name: string; key: string } | null;
  quote: QuoteSignature | null;
  /** The sentence places the figure in the past ("previous raise", "last year"): the words that say so, else null. */
  historical: string | null;
};

const STAGE_OF: Record<string, Stage> = { target: "target", in_talks: "in_talks", announced: "announced", completed: "completed" };

/** A claim's stage from its modality; modalities that say nothing about progress give null. */
export function stageOf(modality: string | null | undefined): Stage | null {
  return modality ? (STAGE_OF[modality] ?? null) : null;
}

/** Position in target → in talks → announced → completed; -1 for no stage. */
export const stageRank = (stage: Stage | null): number => (stage ? STAGES.indexOf(stage) : -1);

const ATTRIBUTE_BASIS: Record<string, string> = {
  valuation_pre_money: "pre_money",
  valuation_post_money: "post_money",
  run_rate_revenue: "run_rate",
};

type BasisWord = { re: RegExp; basis: string; fits: (attribute: string) => boolean };
const isValuation = (a: string) => a.startsWith("valuation");
const isRevenue = (a: string) => a.includes("revenue");
const BASIS_WORDS: BasisWord[] = [
  { re: /\bpre-?money\b/i, basis: "pre_money", fits: isValuation },
  { re: /\bpost-?money\b/i, basis: "post_money", fits: isValuation },
  { re: /\bup-?front\b|\binitial tranche\b/i, basis: "upfront", fits: (a) => !isValuation(a) },
  { re: /\bcontingent\b|\bconditional on\b|\bmilestones?\b/i, basis: "contingent", fits: (a) => !isValuation(a) },
  { re: /\brun[- ]rate\b|\bannuali[sz]ed\b/i, basis: "run_rate", fits: isRevenue },
  { re: /\bin total\b|\btotal (?:commitment|investment|of)\b|\ball told\b/i, basis: "total", fits: (a) => !isValuation(a) },
];

/** The few words right around the figure in its sentence, stopping at the neighbouring figures. */
function around(quote: string, valueText: string): string | null {
  const at = quote.indexOf(valueText);
  if (at < 0) return null;
  const before = quote.slice(Math.max(0, at - 30), at);
  const after = quote.slice(at + valueText.length, at + valueText.length + 22);
  return `${before.replace(/^[\s\S]*\d/, "")} ${after.split(/\d/)[0] ?? ""}`;
}

/**
 * Basis as labelled, else implied by the modality or a specific attribute
 * (valuation_pre_money), else named right next to the figure ("a $730 billion pre-money
 * valuation"); plain revenue counts as annual.
 */
export function effectiveBasis(c: Pick<ReconcileClaim, "basis" | "modality" | "attribute" | "quote" | "valueText">): string | null {
  if (c.basis) return c.basis;
  if (c.modality === "contingent") return "contingent";
  const attribute = c.attribute ?? "";
  if (ATTRIBUTE_BASIS[attribute]) return ATTRIBUTE_BASIS[attribute] as string;
  if (c.quote && c.valueText) {
    const near = around(c.quote, c.valueText);
    if (near) {
      const found = BASIS_WORDS.filter((w) => (!attribute || w.fits(attribute)) && w.re.test(near)).map((w) => w.basis);
      if (found.length === 1) return found[0] as string;
    }
  }
  // Revenue with no qualifier is the plain (annual) figure, as opposed to a run rate.
  return attribute === "revenue" ? "annual" : null;
}

const HISTORICAL = /\b(?:previous(?:ly)?|prior|earlier|last year|a year (?:ago|earlier)|formerly|at the time|back in|had (?:been|raised|invested))\b/i;

/** Words near the figure that put it in the past ("OpenAI's previous raise closed at $40 billion"). */
export function historicalCue(c: Pick<ReconcileClaim, "quote" | "valueText">): string | null {
  if (!c.quote || !c.valueText) return null;
  const at = c.quote.indexOf(c.valueText);
  if (at < 0) return null;
  const near = `${c.quote.slice(Math.max(0, at - 60), at)} ${c.quote.slice(at + c.valueText.length, at + c.valueText.length + 40)}`;
  return HISTORICAL.exec(near)?.[0] ?? null;
}

/**
 * Derives everything once per claim (one shingle table per call keeps quote comparisons
 * integer merges). `table: null` skips the quote work (signature, origin, past-tense cue)
 * for callers that only need values, dates and stages.
 */
export function prepare<T extends ReconcileClaim>(claims: readonly T[], s: ReconcileSettings, table: ShingleTable | null = new ShingleTable()): Prepared<T>[] {
  const memo = new Map<string, Stated>();
  return claims.map((claim, index) => {
    const asOf = isoDay(claim.asOf);
    const published = isoDay(claim.article?.publishedAt);
    const outlet = claim.article?.outlet?.trim() || null;
    return {
      claim,
      index,
      stated: stated(claim, s, memo),
      date: asOf ?? published,
      dateSource: asOf ? "as_of" : published ? "published" : null,
      stage: stageOf(claim.modality),
      basis: effectiveBasis(claim),
      articleId: claim.article?.id ?? null,
      outlet,
      outletKey: sourceKey(outlet),
      origin: table ? attributedOrigin(claim.quote) : null,
      quote: table && claim.quote ? table.signature(claim.quote) : null,
      historical: table ? historicalCue(claim) : null,
    };
  });
}

/** Where a claim was published, for sentences: its outlet, else its article's title. */
export const whereLabel = (p: Prepared): string => p.outlet ?? p.claim.article?.title?.trim() ?? "an unnamed source";
