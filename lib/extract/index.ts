// The rule-based claim extractor: sentences -> figures -> (subject, attribute, value,
// counterparty, modality, basis, as-of) with exact offsets. Pure and deterministic: no
// network, no model, no clock; the same text and metadata always give the same output.

import { decideAttribute, decideBasis, decideModality, type AttributeChoice } from "./attributes";
import { buildContext, type FigureContext } from "./context";
import { findDates, isoDate, refFromDate, type RefDate } from "./dates";
import { EntityIndex, type Mention } from "./entities";
import { findFigures } from "./figures";
import { LEADING_DATE_MARKER, splitSentences } from "./sentences";
import { fromInvestorFollows, resolveParties, sentenceSubject, type Discourse, type Parties } from "./subjects";
import type { Figure, Modality, Sentence, Suggestion } from "./types";

export type { Modality, Suggestion } from "./types";
export { entityKey } from "./entities";

export const EXTRACTOR = { name: "corroborate-rules", version: "0.1.0" } as const;

/** Attributes whose subject becomes "the round" that later anaphors point back to. */
const ROUND_ATTRIBUTES = new Set([
  "funding_round_size",
  "valuation",
  "valuation_pre_money",
  "valuation_post_money",
  "investment_amount",
]);

const CONTINUATION_BEFORE = /\b(?:a further|another|an additional|additional|further|the remaining|the rest of|the other|a second|the second)\s*$/i;

/** Dates that describe the page or a cited source, not an event. */
const META_DATE_BEFORE = /\b(?:updated|published|posted|modified|report(?:ed)?|article|story|dated)\s*(?:of|on|at|from)?\s*:?\s*$/i;
const META_DATE_AFTER = /^\s*(?:(?:report|article|story|post|interview|statement)\b|\([^)]{1,40}\)\s*[-–—])/i; // "Jan 14 (Reuters) -" dateline

export function extractClaims(text: string, meta?: { publishedAt?: Date | null }): Suggestion[] {
  if (!text) return [];
  const sentences = splitSentences(text);
  const ref = refFromDate(meta?.publishedAt) ?? markerDate(text) ?? firstFullDate(text);
  const entities = new EntityIndex(text, sentences);
  const disc: Discourse = { lastSubject: null, lastRoundSubject: null, focus: entities.focus };
  const out: Suggestion[] = [];

  sentences.forEach((sentence, si) => {
    const mentions = entities.mentions(si);
    const figures = findFigures(text, sentence.start, sentence.end, ref);
    const sText = text.slice(sentence.start, sentence.end);
    const decided = new Map<number, Decision>();
    const investors = new Set<string>();

    figures.forEach((f, fi) => {
      const ctx = buildContext(sText, sentence, figures, fi);
      if (f.kind === "date" && isMetaDate(ctx)) return;
      const { attr, parties } = decide(f, fi, ctx, figures, decided, { ctx, mentions, disc, entities, sentence });
      decided.set(fi, { attr, parties });
      for (const k of parties.counterpartyKeys) investors.add(k);
      if (!parties.subject) return;
      const modality = decideModality(attr.attribute, ctx);
      const subject = entities.displayName(parties.subject);
      const base: Suggestion = {
        subject,
        attribute: attr.attribute,
        value: f.value,
        low: f.low,
        high: f.high,
        unit: f.unit,
        valueText: text.slice(f.start, f.end),
        counterparty: null,
        modality,
        basis: decideBasis(attr.attribute, modality, ctx, text),
        asOf: f.kind === "date" ? null : pickAsOf(f, ctx, figures),
        start: f.start,
        end: f.end,
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        confidence: score(f, attr, parties.subjectStrength, modality),
      };
      const cps = parties.counterparties.filter((n) => n !== subject);
      if (parties.each && cps.length > 1) {
        for (const cp of cps) out.push({ ...base, counterparty: cp });
      } else {
        out.push({ ...base, counterparty: cps.length ? cps.join(" and ") : null });
      }
      const needed = attr.attribute === "investment_amount" ? 3 : 2;
      if (ROUND_ATTRIBUTES.has(attr.attribute) && parties.subjectStrength >= needed) disc.lastRoundSubject = parties.subject;
    });

    updateDiscourse(disc, sentence, sText, mentions, figures, investors);
  });

  return out.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.counterparty ?? "").localeCompare(b.counterparty ?? ""),
  );
}

type Decision = { attr: AttributeChoice; parties: Parties };

/** Attribute and parties of one figure, with the inheritance rules for breakdowns. */
function decide(
  f: Figure,
  fi: number,
  ctx: FigureContext,
  figures: Figure[],
  decided: Map<number, Decision>,
  partyCtx: Parameters<typeof resolveParties>[1],
): Decision {
  let attr = chooseAttribute(f, ctx, partyCtx.mentions, !!partyCtx.sentence.table);
  let parties = resolveParties(attr.attribute, partyCtx);
  if (attr.strength > 1.5) return { attr, parties };
  // "$50 billion commitment ($15 billion upfront, ...)": a breakdown inherits from its total.
  const parentIdx = breakdownParent(ctx, figures, fi);
  const parent = decided.get(parentIdx);
  if (parent && parent.attr.strength > 0 && figures[parentIdx]?.kind === f.kind) {
    return { attr: { attribute: parent.attr.attribute, strength: 2 }, parties: parent.parties };
  }
  // "$15 billion upfront, with a further $35 billion contingent": continues the previous amount.
  if (attr.strength === 0 && CONTINUATION_BEFORE.test(ctx.left)) {
    for (let j = fi - 1; j >= 0; j--) {
      const prev = decided.get(j);
      if (!prev || figures[j]?.kind !== f.kind) continue;
      if (prev.attr.strength > 0) {
        attr = { attribute: prev.attr.attribute, strength: 1.5 };
        parties = prev.parties;
      }
      break;
    }
  }
  return { attr, parties };
}

/** After a sentence: remember its subject for "the company" / "it" in the sentences that follow. */
function updateDiscourse(
  disc: Discourse,
  sentence: Sentence,
  sText: string,
  mentions: Mention[],
  figures: Figure[],
  investors: Set<string>,
): void {
  if (sentence.table) return;
  const firstFigure = figures.find((f) => f.kind !== "date");
  const before = firstFigure ? mentions.filter((m) => m.start < firstFigure.start) : mentions;
  const subject = sentenceSubject(before, disc);
  // An investor named as the subject ("SoftBank invested $30 billion in OpenAI") is a side player.
  if (subject && !investors.has(subject)) {
    disc.lastSubject = subject;
  } else if (sentence.headline && !sText.includes(":") && !mentions.some((m) => m.kind === "org")) {
    // A section heading without a name ("What to Watch") returns to the article's main subject.
    disc.lastSubject = disc.focus;
  }
}

function chooseAttribute(f: Figure, ctx: FigureContext, mentions: Mention[], inTable: boolean): AttributeChoice {
  if (f.kind === "money" && fromInvestorFollows(ctx, mentions)) return { attribute: "investment_amount", strength: 3 };
  return decideAttribute(f, ctx, inTable);
}

/** Index of the figure whose parenthesised breakdown contains figure `fi`, or -1. */
function breakdownParent(ctx: FigureContext, figures: Figure[], fi: number): number {
  let depth = 0;
  let open = -1;
  for (let i = ctx.fs - 1; i >= 0; i--) {
    const ch = ctx.s[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return -1;
  for (let j = fi - 1; j >= 0; j--) {
    const g = figures[j] as Figure;
    const gEnd = g.end - ctx.base;
    if (gEnd > open) continue;
    const between = ctx.s.slice(gEnd, open);
    return /^[^,;:()]*$/.test(between) && between.trim().split(/\s+/).length <= 4 ? j : -1;
  }
  return -1;
}

function score(f: Figure, attr: AttributeChoice, subjectStrength: number, modality: Modality | null): number {
  let c = 0.25 + 0.1 * Math.min(subjectStrength, 3) + 0.1 * Math.min(attr.strength, 3);
  if (modality) c += 0.03;
  if (f.kind === "date") c *= attr.attribute === "date" ? 0.6 : 0.85;
  if (f.kind === "count" && attr.strength === 0) c *= 0.6;
  return Math.round(Math.min(0.95, Math.max(0.05, c)) * 100) / 100;
}

function isMetaDate(ctx: FigureContext): boolean {
  return META_DATE_BEFORE.test(ctx.s.slice(0, ctx.fs)) || META_DATE_AFTER.test(ctx.s.slice(ctx.fe));
}

/** The as-of date of a figure: a date in brackets right after it, else the nearest in its clause, else the sentence's only date. */
function pickAsOf(f: Figure, ctx: FigureContext, figures: Figure[]): string | null {
  const dates = figures.filter((x) => x.kind === "date");
  if (!dates.length) return null;
  const paren = /^\s*\(/.exec(ctx.s.slice(ctx.fe));
  if (paren) {
    const d = dates.find((x) => x.start === f.end + paren[0].length);
    if (d) return d.value;
  }
  const cs = ctx.base + ctx.clauseStart;
  const ce = ctx.base + ctx.clauseEnd;
  let best: Figure | null = null;
  let gap = Infinity;
  for (const d of dates) {
    if (d.start < cs || d.end > ce) continue;
    const g = d.end <= f.start ? f.start - d.end : d.start - f.end;
    if (g < gap) {
      best = d;
      gap = g;
    }
  }
  if (best) return best.value;
  return dates.length === 1 ? (dates[0]?.value ?? null) : null;
}

function markerDate(text: string): RefDate | null {
  const m = LEADING_DATE_MARKER.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isoDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Without a publication date, the first full date near the top of the article stands in. */
function firstFullDate(text: string): RefDate | null {
  const first = findDates(text, 0, Math.min(text.length, 4000), null).find((d) => d.granularity === "day" && d.value);
  if (!first?.value) return null;
  const [y, m, d] = first.value.split("-").map(Number);
  return y && m && d ? { y, m, d } : null;
}
