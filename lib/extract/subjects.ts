// Who a figure is about (subject) and, for investments and stakes, who put the money in
// (counterparty). Rules are tried in order; each returns the mention it chose and how
// strong the evidence was, which feeds the confidence score.

import type { FigureContext } from "./context";
import type { EntityIndex, Mention } from "./entities";
import type { Sentence } from "./types";

export type Discourse = {
  /** the organisation that was the grammatical subject of the latest sentence that had one */
  lastSubject: string | null;
  /** the organisation the latest round, valuation or investment was about */
  lastRoundSubject: string | null;
  /** the most-mentioned organisation of the article */
  focus: string | null;
};

export type Parties = {
  subject: string | null;
  subjectStrength: number;
  counterparties: string[];
  /** entity keys of the counterparties */
  counterpartyKeys: string[];
  each: boolean;
};

const INVESTOR_ATTRIBUTES = new Set(["investment_amount", "stake"]);
const ADJECTIVES_ONLY = /^\s*(?:[\p{Ll}-]+\s+){0,3}$/u;
const FROM_AFTER = /^\s*(?:(?:each|apiece|more|extra)\s+)?(?:in\s+(?:[\p{Ll}-]+\s+){0,3})?from\s+(?:the\s+)?/u;
const OF_POSSESSIVE_AFTER = /^\s*(?:(?:each|apiece)\s+)?of\s+(?:the\s+)?/;
const INVEST_NOUN_AFTER = /^\s*(?:[\p{Ll}-]+\s+){0,2}?(?:investment|commitment|stake|contribution|check|cheque|bet|backing|pledge)\b/u;
const RECEIVE_VERB =
  /\b(?:receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|got|gets|land(?:s|ed)|won|wins|rais(?:e|es|ed|ing)|attract(?:s|ed|ing)|drew|draws|bag(?:s|ged)|accept(?:s|ed)|took|takes|includ(?:e|es|ed|ing))\b/;
const SHORT_GAP = /^\s*(?:[^\s,;]+\s+){0,2}(?:[^\s,;]+)?\s*$/;
const OWNED_NOUN =
  /^\s*(?:[^\s,;.]+\s+){0,5}?(?:(?:pre|post)-?money|valuation|round|raise|funding|financing|revenues?|sales|run[- ]rate|capex|capital expenditures?|stake|market share|users|subscribers|employees|headcount)\b/i;
const EACH_AFTER = /^\s*(?:each|apiece)\b/;
const VALUE_AT_BEFORE = /\bvalu(?:e|es|ed|ing)\s+$/;
const GENERIC_SUBJECT =
  /\b(?:an?\s+(?:[\p{L}-]+\s+){0,3}(?:company|startup|start-up|firm|business|lab)|companies|startups|start-ups|firms|businesses|labs|(?:the|a|this)\s+(?:[\p{L}\p{N}-]+\s+){0,3}(?:market|sector|industry|segment))\b/iu;

type Ctx = {
  ctx: FigureContext;
  mentions: Mention[];
  disc: Discourse;
  entities: EntityIndex;
  sentence: Sentence;
};

/** The organisation a mention stands for: itself, or what an anaphor points back to. */
export function resolveMention(m: Mention, mentions: Mention[], disc: Discourse): string | null {
  if (m.kind === "org") return m.key;
  if (m.kind === "round") return disc.lastRoundSubject ?? disc.lastSubject ?? disc.focus;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const p = mentions[i] as Mention;
    if (p.start >= m.start || p.kind !== "org" || p.modifier || p.prep) continue;
    return p.key;
  }
  return disc.lastSubject ?? disc.focus;
}

/**
 * The first organisation that is the grammatical subject of the sentence (for discourse).
 * A plural subject ("Nvidia, Microsoft and a16z also participated") is never the antecedent
 * of "the company", so it leaves the discourse unchanged.
 */
export function sentenceSubject(mentions: Mention[], disc: Discourse): string | null {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (m.prep || m.modifier || m.reporter) continue;
    if (m.kind === "pronoun" && !m.possessive && m !== mentions[0]) continue;
    const next = mentions[i + 1];
    if (m.kind === "org" && next && next.coordWith === i) return null;
    return resolveMention(m, mentions, disc);
  }
  return null;
}

function group(mentions: Mention[], i: number): Mention[] {
  const out: Mention[] = [];
  let root = i;
  while (root >= 0 && (mentions[root] as Mention).coordWith >= 0) root = (mentions[root] as Mention).coordWith;
  const members = new Set<number>([root]);
  for (let j = root + 1; j < mentions.length; j++) {
    const m = mentions[j] as Mention;
    if (m.coordWith >= 0 && members.has(m.coordWith)) members.add(j);
  }
  for (const j of [...members].sort((a, b) => a - b)) {
    const m = mentions[j] as Mention;
    if (m.kind === "org") out.push(m);
  }
  return out.length ? out : [mentions[i] as Mention];
}

function possessiveAdjacent(c: Ctx): Mention | null {
  const fsAbs = c.ctx.base + c.ctx.fs;
  for (let i = c.mentions.length - 1; i >= 0; i--) {
    const m = c.mentions[i] as Mention;
    if (m.outerEnd > fsAbs) continue;
    if (!m.possessive) return null;
    const gap = c.ctx.s.slice(m.outerEnd - c.ctx.base, c.ctx.fs);
    return ADJECTIVES_ONLY.test(gap) ? m : null;
  }
  return null;
}

function mentionAt(mentions: Mention[], absStart: number): number {
  return mentions.findIndex((m) => m.kind === "org" && m.start === absStart);
}

function investorsOf(c: Ctx): { investors: Mention[]; strength: number } {
  const { ctx, mentions } = c;
  const after = ctx.s.slice(ctx.fe);
  const from = FROM_AFTER.exec(after);
  if (from) {
    const i = mentionAt(mentions, ctx.base + ctx.fe + from[0].length);
    if (i >= 0) return { investors: group(mentions, i), strength: 3 };
  }
  const of = OF_POSSESSIVE_AFTER.exec(after);
  if (of) {
    const i = mentionAt(mentions, ctx.base + ctx.fe + of[0].length);
    const m = mentions[i];
    if (m && m.possessive && INVEST_NOUN_AFTER.test(c.ctx.s.slice(m.outerEnd - ctx.base))) return { investors: [m], strength: 3 };
  }
  const poss = possessiveAdjacent(c);
  if (poss) return { investors: [poss], strength: 3 };
  const label = labelMentions(c);
  if (label.length) return { investors: label, strength: 2.5 };
  const subj = subjectCandidate(c, new Set());
  if (subj && !RECEIVE_VERB.test(ctx.s.slice(subj.mention.outerEnd - ctx.base, ctx.fs))) {
    const i = mentions.indexOf(subj.mention);
    return { investors: subj.mention.kind === "org" ? group(mentions, i) : [subj.mention], strength: subj.strength };
  }
  return { investors: [], strength: 0 };
}

function labelMentions(c: Ctx): Mention[] {
  const { ctx, mentions } = c;
  if (ctx.labelEnd <= 0) return [];
  const labelAbsEnd = ctx.base + ctx.labelEnd;
  const inside = mentions.filter((m) => m.kind === "org" && m.end <= labelAbsEnd);
  if (!inside.length) return [];
  // The label must be made of names only ("SoftBank & Nvidia:"), not "Deal Structure:".
  let rest = ctx.s.slice(0, ctx.labelEnd);
  for (const m of [...inside].reverse()) rest = rest.slice(0, m.start - ctx.base) + rest.slice(m.outerEnd - ctx.base);
  return /^[\s,&:/]*(?:and[\s,&:/]*)*$/i.test(rest.replace(/\band\b/gi, "")) ? inside : [];
}

/**
 * The grammatical subject nearest the figure: a mention not governed by a preposition,
 * not a modifier, not a news source; the nearest before it in its clause, else the first
 * in the sentence before it, else the first after it.
 */
function subjectCandidate(c: Ctx, exclude: Set<string>): { mention: Mention; key: string; strength: number } | null {
  const { ctx, mentions, disc } = c;
  const fsAbs = ctx.base + ctx.fs;
  const feAbs = ctx.base + ctx.fe;
  const clauseStartAbs = ctx.base + ctx.clauseStart;
  const ok = (m: Mention): string | null => {
    if (m.prep || m.modifier || m.reporter) return null;
    const key = resolveMention(m, mentions, disc);
    return key && !exclude.has(key) ? key : null;
  };
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i] as Mention;
    if (m.outerEnd > fsAbs || m.start < clauseStartAbs) continue;
    const key = ok(m);
    if (key) return { mention: m, key, strength: m.kind === "org" ? 2.5 : 2 };
  }
  for (const m of mentions) {
    if (m.outerEnd > fsAbs) break;
    const key = ok(m);
    if (key) return { mention: m, key, strength: m.kind === "org" ? 2 : 1.5 };
  }
  for (const m of mentions) {
    if (m.start < feAbs) continue;
    const key = ok(m);
    if (key) return { mention: m, key, strength: 1.5 };
  }
  return null;
}

function valueAtMention(c: Ctx): Mention | null {
  const { ctx, mentions } = c;
  for (const m of mentions) {
    if (m.kind !== "org" || m.start < ctx.base + ctx.fs - ctx.left.length || m.end > ctx.base + ctx.fs) continue;
    const before = ctx.s.slice(0, m.start - ctx.base);
    const after = ctx.s.slice(m.outerEnd - ctx.base, ctx.fs);
    if (VALUE_AT_BEFORE.test(before) && /^\s+at\b/.test(after)) return m;
  }
  return null;
}

function tableRowMention(c: Ctx): Mention | null {
  const first = c.sentence.table?.cells[0];
  if (!first) return null;
  return c.mentions.find((m) => m.kind === "org" && m.start >= first[0] && m.end <= first[1]) ?? null;
}

function investeeAfter(c: Ctx, exclude: Set<string>): string | null {
  const feAbs = c.ctx.base + c.ctx.fe;
  for (const m of c.mentions) {
    if (m.kind !== "org" || m.start < feAbs || m.modifier) continue;
    if ((m.prepWord === "in" || m.prepWord === "into") && !exclude.has(m.key)) return m.key;
  }
  return null;
}

export function resolveParties(attribute: string, raw: Ctx): Parties {
  const c = { ...raw, mentions: sameQuote(raw.ctx, raw.mentions) };
  const { ctx, disc } = c;
  const each = EACH_AFTER.test(ctx.s.slice(ctx.fe));

  if (INVESTOR_ATTRIBUTES.has(attribute)) {
    const { investors } = investorsOf(c);
    if (!investors.length) return general(c);
    const keys = new Set<string>();
    const names: string[] = [];
    for (const m of investors) {
      const key = resolveMention(m, c.mentions, disc);
      if (!key || keys.has(key)) continue;
      keys.add(key);
      names.push(c.entities.displayName(key));
    }
    const counterpartyKeys = [...keys];
    const inv = investeeAfter(c, keys);
    if (inv) return { subject: inv, subjectStrength: 3, counterparties: names, counterpartyKeys, each };
    const subj = subjectCandidate(c, keys);
    if (subj) return { subject: subj.key, subjectStrength: subj.strength, counterparties: names, counterpartyKeys, each };
    for (const [key, strength] of [
      [disc.lastRoundSubject, 1],
      [disc.focus, 0.8],
      [disc.lastSubject, 0.6],
    ] as const) {
      if (key && !keys.has(key)) return { subject: key, subjectStrength: strength, counterparties: names, counterpartyKeys, each };
    }
    const only = [...keys][0] ?? null;
    return { subject: only, subjectStrength: 0.3, counterparties: [], counterpartyKeys: [], each: false };
  }
  return general(c);
}

function general(c: Ctx): Parties {
  const { ctx, disc } = c;
  const row = tableRowMention(c);
  if (row) return single(row.key, 3);
  const poss = possessiveAdjacent(c);
  if (poss) {
    const key = resolveMention(poss, c.mentions, disc);
    // "with Ant Group’s $14 billion financing" is an aside: weaker than a subject.
    if (key) return single(key, poss.prep ? 1.8 : 3);
  }
  const valueAt = valueAtMention(c);
  if (valueAt) return single(valueAt.key, 3);
  const owner = possessiveOwner(c);
  if (owner) return single(owner, 2.5);
  const subj = subjectCandidate(c, new Set());
  if (subj) return single(subj.key, subj.strength);
  // "with DeepSeek at 4%": a name just before the figure in its clause, whatever its role.
  for (let i = c.mentions.length - 1; i >= 0; i--) {
    const m = c.mentions[i] as Mention;
    if (m.kind !== "org" || m.modifier || m.outerEnd > ctx.base + ctx.fs || m.start < ctx.base + ctx.clauseStart) continue;
    if (SHORT_GAP.test(ctx.s.slice(m.outerEnd - ctx.base, ctx.fs))) return single(m.key, 1.5);
    break;
  }
  const label = labelMentions(c);
  if (label[0]) return single(label[0].key, 2);
  const before = ctx.s.slice(0, ctx.fs);
  const anyOrg = c.mentions.some((m) => m.kind === "org");
  if (!anyOrg && GENERIC_SUBJECT.test(before)) return single(null, 0);
  const orgs = c.mentions.filter((m) => m.kind === "org" && !m.modifier && !m.reporter);
  if (disc.lastSubject && orgs.some((m) => m.key === disc.lastSubject)) return single(disc.lastSubject, 1);
  const firstOrg = orgs[0];
  if (firstOrg) return single(firstOrg.key, 1);
  if (disc.lastSubject) return single(disc.lastSubject, 0.6);
  return single(disc.focus, 0.3);
}

/** "OpenAI’s post-money valuation has soared to $840 billion": the owner of the measured noun. */
function possessiveOwner(c: Ctx): string | null {
  const { ctx, mentions, disc } = c;
  const fsAbs = ctx.base + ctx.fs;
  for (const m of mentions) {
    if (!m.possessive || m.modifier || m.outerEnd > fsAbs) continue;
    const owned = ctx.s.slice(m.outerEnd - ctx.base, Math.min(ctx.s.length, m.outerEnd - ctx.base + 60));
    if (!OWNED_NOUN.test(owned)) continue;
    const key = resolveMention(m, mentions, disc);
    if (key) return key;
  }
  return null;
}

/** Mentions inside a quotation only count for figures in the same quotation, and vice versa. */
function sameQuote(ctx: FigureContext, mentions: Mention[]): Mention[] {
  const spans: Array<[number, number]> = [];
  const re = /“[^”]*”|"[^"]*"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.s)) !== null) spans.push([m.index, m.index + m[0].length]);
  if (!spans.length) return mentions;
  const spanOf = (pos: number): number => spans.findIndex(([a, b]) => a <= pos && pos < b);
  const mine = spanOf(ctx.fs);
  const out = mentions.map((x) => (spanOf(x.start - ctx.base) === mine ? x : { ...x, prep: true, modifier: true, reporter: true }));
  return out.some((x, i) => x.kind === "org" && x === mentions[i]) ? out : mentions;
}

function single(subject: string | null, subjectStrength: number): Parties {
  return { subject, subjectStrength, counterparties: [], counterpartyKeys: [], each: false };
}

/** "$50 billion from Amazon": a named source right after the amount makes it an investment. */
export function fromInvestorFollows(ctx: FigureContext, mentions: Mention[]): boolean {
  const from = FROM_AFTER.exec(ctx.s.slice(ctx.fe));
  return !!from && mentionAt(mentions, ctx.base + ctx.fe + from[0].length) >= 0;
}
