// Scores an extractor's suggestions against hand-labelled claims. Pure: no file system.
//
// A suggestion is correct when subject, attribute and value (with unit) all agree with one
// labelled claim; each label is used at most once, preferring the suggestion whose quote
// overlaps the label's. Precision, recall and F1 count those one-to-one matches. Value-only
// recall asks, per label, whether any suggestion found the same value at an overlapping span,
// whatever it thought the figure was about. Span overlap is measured on the matched pairs.

import { entityKey } from "../entities";
import type { Suggestion } from "../types";

export type GoldClaim = {
  /** text.slice(start, end) */
  quote: string;
  start: number;
  end: number;
  subject: string;
  /** other names that mean the same subject ("GenAI" for "generative AI") */
  aliases?: string[];
  attribute: string;
  value: string | null;
  low: string | null;
  high: string | null;
  unit: string;
  counterparty: string | null;
  modality: string | null;
  basis: string | null;
  note?: string;
};

export type LabelFile = { article: string; publishedAt: string | null; claims: GoldClaim[] };

export type Predicted = Pick<
  Suggestion,
  "subject" | "attribute" | "value" | "low" | "high" | "unit" | "counterparty" | "modality" | "basis" | "start" | "end" | "valueText"
>;

export type Counts = {
  gold: number;
  predicted: number;
  /** one-to-one matches on subject + attribute + value */
  matched: number;
  /** labels whose value was found at an overlapping span */
  valueFound: number;
  /** matched pairs whose spans overlap, and the sum of their character IoU */
  spanOverlapping: number;
  spanIoUSum: number;
  /** matched pairs that also agree on the qualifier */
  counterpartyAgree: number;
  modalityAgree: number;
  basisAgree: number;
};

export type Scores = Counts & {
  precision: number;
  recall: number;
  f1: number;
  valueRecall: number;
  /** share of matched pairs whose quote overlaps the label's */
  spanOverlap: number;
  /** mean character intersection-over-union of matched pairs */
  spanIoU: number;
  counterpartyAccuracy: number;
  modalityAccuracy: number;
  basisAccuracy: number;
};

export type ArticleResult = {
  article: string;
  scores: Scores;
  /** labels no suggestion matched, with the best guess at that span if any */
  missed: Array<{ gold: GoldClaim; atSpan: Predicted[] }>;
  /** suggestions that matched no label */
  spurious: Predicted[];
  /** matched pairs whose qualifiers disagree */
  qualifierDiffs: Array<{ gold: GoldClaim; predicted: Predicted; fields: string[] }>;
};

/** Member keys of a name; "Microsoft/NVIDIA" and "ByteDance, Alibaba and Tencent" are groups. */
export function nameKeys(name: string): string[] {
  const parts = name
    .split(/\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+|\/)\s*/i)
    .map((p) => entityKey(p))
    .filter(Boolean);
  return [...new Set(parts)].sort();
}

function sameName(a: string, b: string): boolean {
  if (entityKey(a) === entityKey(b)) return true;
  const x = nameKeys(a);
  const y = nameKeys(b);
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

export function subjectMatches(gold: GoldClaim, subject: string): boolean {
  return [gold.subject, ...(gold.aliases ?? [])].some((name) => sameName(name, subject));
}

function sameNumber(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  const na = Number(a);
  const nb = Number(b);
  return !Number.isNaN(na) && !Number.isNaN(nb) && /^-?\d/.test(a) && /^-?\d/.test(b) && na === nb && normalize(a) === normalize(b);
}

function normalize(v: string): string {
  if (!/^-?\d+(?:\.\d+)?$/.test(v)) return v;
  const neg = v.startsWith("-");
  let [i = "0", f = ""] = (neg ? v.slice(1) : v).split(".");
  i = i.replace(/^0+(?=\d)/, "");
  f = f.replace(/0+$/, "");
  const out = f ? `${i}.${f}` : i;
  return neg && out !== "0" ? `-${out}` : out;
}

export function valueMatches(gold: Pick<GoldClaim, "value" | "low" | "high" | "unit">, p: Pick<Predicted, "value" | "low" | "high" | "unit">): boolean {
  return gold.unit === p.unit && sameNumber(gold.value, p.value) && sameNumber(gold.low, p.low) && sameNumber(gold.high, p.high);
}

function keyMatches(gold: GoldClaim, p: Predicted): boolean {
  return gold.attribute === p.attribute && valueMatches(gold, p) && subjectMatches(gold, p.subject);
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = overlap(a, b);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}

function sameCounterparty(a: string | null, b: string | null): boolean {
  if (!a || !b) return !a && !b;
  return sameName(a, b);
}

export function emptyCounts(): Counts {
  return {
    gold: 0,
    predicted: 0,
    matched: 0,
    valueFound: 0,
    spanOverlapping: 0,
    spanIoUSum: 0,
    counterpartyAgree: 0,
    modalityAgree: 0,
    basisAgree: 0,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as Array<keyof Counts>) out[k] = a[k] + b[k];
  return out;
}

const ratio = (n: number, d: number): number => (d === 0 ? (n === 0 ? 1 : 0) : n / d);

export function finish(c: Counts): Scores {
  const precision = ratio(c.matched, c.predicted);
  const recall = ratio(c.matched, c.gold);
  return {
    ...c,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    valueRecall: ratio(c.valueFound, c.gold),
    spanOverlap: ratio(c.spanOverlapping, c.matched),
    spanIoU: ratio(c.spanIoUSum, c.matched),
    counterpartyAccuracy: ratio(c.counterpartyAgree, c.matched),
    modalityAccuracy: ratio(c.modalityAgree, c.matched),
    basisAccuracy: ratio(c.basisAgree, c.matched),
  };
}

/** Score one article's suggestions against its labels. */
export function scoreArticle(article: string, gold: readonly GoldClaim[], predicted: readonly Predicted[]): ArticleResult {
  const pairs: Array<{ g: number; p: number; ov: number; dist: number }> = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (!keyMatches(g, p)) return;
      pairs.push({ g: gi, p: pi, ov: overlap(g, p), dist: Math.abs(g.start - p.start) });
    });
  });
  // Overlapping spans first, then the nearest: a repeated figure matches its own occurrence.
  pairs.sort((a, b) => (b.ov > 0 ? 1 : 0) - (a.ov > 0 ? 1 : 0) || a.dist - b.dist || a.g - b.g || a.p - b.p);
  const goldTaken = new Map<number, number>();
  const predTaken = new Set<number>();
  for (const pair of pairs) {
    if (goldTaken.has(pair.g) || predTaken.has(pair.p)) continue;
    goldTaken.set(pair.g, pair.p);
    predTaken.add(pair.p);
  }

  const c = emptyCounts();
  c.gold = gold.length;
  c.predicted = predicted.length;
  c.matched = goldTaken.size;
  const qualifierDiffs: ArticleResult["qualifierDiffs"] = [];
  for (const [gi, pi] of goldTaken) {
    const g = gold[gi] as GoldClaim;
    const p = predicted[pi] as Predicted;
    if (overlap(g, p) > 0) c.spanOverlapping++;
    c.spanIoUSum += iou(g, p);
    const fields: string[] = [];
    if (sameCounterparty(g.counterparty, p.counterparty)) c.counterpartyAgree++;
    else fields.push("counterparty");
    if ((g.modality ?? null) === (p.modality ?? null)) c.modalityAgree++;
    else fields.push("modality");
    if ((g.basis ?? null) === (p.basis ?? null)) c.basisAgree++;
    else fields.push("basis");
    if (fields.length) qualifierDiffs.push({ gold: g, predicted: p, fields });
  }
  const missed: ArticleResult["missed"] = [];
  gold.forEach((g, gi) => {
    if (predicted.some((p) => overlap(g, p) > 0 && valueMatches(g, p))) c.valueFound++;
    if (!goldTaken.has(gi)) missed.push({ gold: g, atSpan: predicted.filter((p) => overlap(g, p) > 0) });
  });
  const spurious = predicted.filter((_, pi) => !predTaken.has(pi));
  return { article, scores: finish(c), missed, spurious, qualifierDiffs };
}

/** Micro-averaged scores over several articles. */
export function total(results: readonly ArticleResult[]): Scores {
  return finish(results.reduce((acc, r) => addCounts(acc, r.scores), emptyCounts()));
}

const pct = (x: number): string => x.toFixed(3);

/** A markdown table: one row per article and a total row. */
export function scoreTable(results: readonly ArticleResult[], totalLabel = "**all**"): string {
  const head =
    "| article | labels | suggestions | matched | precision | recall | F1 | value recall | span overlap | span IoU | counterparty | modality | basis |\n" +
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const row = (name: string, s: Scores): string =>
    `| ${name} | ${s.gold} | ${s.predicted} | ${s.matched} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${pct(s.valueRecall)} | ${pct(s.spanOverlap)} | ${pct(s.spanIoU)} | ${pct(s.counterpartyAccuracy)} | ${pct(s.modalityAccuracy)} | ${pct(s.basisAccuracy)} |`;
  return [head, ...results.map((r) => row(r.article, r.scores)), row(totalLabel, total(results))].join("\n");
}

const describeValue = (v: Pick<GoldClaim, "value" | "low" | "high" | "unit">): string =>
  `${v.value ?? `${v.low}..${v.high}`} ${v.unit}`;

/** Human-readable misses and false positives, for tuning. */
export function describeErrors(r: ArticleResult): string {
  const lines = [`## ${r.article}`];
  for (const m of r.missed) {
    const at = m.atSpan.map((p) => `${p.subject}|${p.attribute}|${describeValue(p)}`).join("; ") || "nothing at this span";
    lines.push(`MISS  @${m.gold.start} ${JSON.stringify(m.gold.quote)} want ${m.gold.subject}|${m.gold.attribute}|${describeValue(m.gold)}  got ${at}`);
  }
  for (const p of r.spurious) lines.push(`FP    @${p.start} ${JSON.stringify(p.valueText)} ${p.subject}|${p.attribute}|${describeValue(p)}`);
  for (const d of r.qualifierDiffs) {
    const detail = d.fields
      .map((f) => `${f}: want ${String(d.gold[f as keyof GoldClaim] ?? null)} got ${String(d.predicted[f as keyof Predicted] ?? null)}`)
      .join(", ");
    lines.push(`QUAL  @${d.gold.start} ${JSON.stringify(d.gold.quote)} ${detail}`);
  }
  return lines.join("\n");
}
