// Who a figure is about (subject) and, for investments and stakes, who put the money in
// (counterparty). Rules are tried in order; each returns the mention it chose and how
// strong the evidence was, which feeds the confidence score.

import { isRegexWordCode, isSpaceCode, tail, type FigureContext } from "./context";
import { mayEndIn } from "./endword";
import { entityKey, type EntityIndex, type Mention } from "./entities";
import { ledByWith } from "./attributes";
import { SECTOR_WORDS } from "./lexicon-data";
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
  /** display name when the subject is a group or a sector rather than one organisation */
  subjectName?: string;
  subjectStrength: number;
  counterparties: string[];
  /** entity keys of the counterparties */
  counterpartyKeys: string[];
  each: boolean;
};

const INVESTOR_ATTRIBUTES = new Set(["investment_amount", "stake"]);
const ADJECTIVES_ONLY = /^\s*(?:[\p{Ll}-]+\s+){0,3}$/u;
const FROM_AFTER = /^\s*(?:(?:each|apiece|more|extra)\s+)?(?:in\s+(?:[\p{Ll}-]+\s+){0,3})?from\s+(?:the\s+)?/u;
const CLAUSE_MARK = /[,;.:()]/;
/** "18.5% owned by", "a 51% stake held by": the owner's name comes next. */
const OWNED_BY_AFTER = /^\s+(?:(?:stake|interest)\s+)?(?:owned|held|controlled)\s+by\s+(?:the\s+)?/;
const OF_POSSESSIVE_AFTER = /^\s*(?:(?:each|apiece)\s+)?of\s+(?:the\s+)?/;

/** The first position at or after `at` that is not white space (/\s/); s.length at the end. */
function skipSpace(s: string, at: number): number {
  let k = at;
  while (k < s.length && isSpaceCode(s.charCodeAt(k))) k++;
  return k;
}

/** The first character at or after `at` that is not white space (/\s/), as a code; NaN at the end. */
function nextNonSpace(s: string, at: number): number {
  return s.charCodeAt(skipSpace(s, at));
}

/**
 * FROM_AFTER on s.slice(at), sliced only when the next word can start it ("each", "apiece",
 * "more", "extra", "in" or "from") and "from" follows.
 */
function fromAfter(s: string, at: number): RegExpExecArray | null {
  const c = nextNonSpace(s, at);
  const mayStart = c === 101 || c === 97 || c === 109 || c === 105 || c === 102; // e a m i f
  return mayStart && s.indexOf("from", at) >= 0 ? FROM_AFTER.exec(s.slice(at)) : null;
}

/** OF_POSSESSIVE_AFTER on s.slice(at), sliced only when the next word can start it: "each", "apiece" or "of". */
function ofPossessiveAfter(s: string, at: number): RegExpExecArray | null {
  const c = nextNonSpace(s, at);
  return c === 101 || c === 97 || c === 111 ? OF_POSSESSIVE_AFTER.exec(s.slice(at)) : null; // e a o
}
const INVEST_NOUN_AFTER = /^\s*(?:[\p{Ll}-]+\s+){0,2}?(?:investment|commitment|stake|contribution|check|cheque|bet|backing|pledge)\b/u;
const RECEIVE_VERB =
  /\b(?:receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|got|gets|land(?:s|ed)|won|wins|rais(?:e|es|ed|ing)|attract(?:s|ed|ing)|drew|draws|bag(?:s|ged)|accept(?:s|ed)|took(?! part)|takes(?! part)|includ(?:e|es|ed|ing))\b/;
const SHORT_GAP = /^\s*(?:[^\s,;]+\s+){0,2}(?:[^\s,;]+)?\s*$/;
const OWNED_NOUN =
  /^\s*(?:[^\s,;.]+\s+){0,5}?(?:(?:pre|post)-?money|valuation|round|raise|funding|financing|revenues?|sales|run[- ]rate|capex|capital expenditures?|stake|market share|users|subscribers|employees|headcount)\b/i;

/** /^\s*(?:each|apiece)\b/ on s.slice(at) ("$5 billion each"), read in place. */
function eachAfter(s: string, at: number): boolean {
  const k = skipSpace(s, at);
  const c = s.charCodeAt(k);
  if (c === 101) return s.startsWith("each", k) && !isRegexWordCode(s.charCodeAt(k + 4)); // e
  if (c === 97) return s.startsWith("apiece", k) && !isRegexWordCode(s.charCodeAt(k + 6)); // a
  return false;
}

const VALUE_AT_BEFORE = /\bvalu(?:e|es|ed|ing)\s+$/;
const GIVE_BEFORE = /\bgiv(?:e|es|ing|en)\s+$/;
/** The words GIVE_BEFORE can end in. */
const GIVE_LAST = new Set(["give", "gives", "giving", "given"]);
/** The words VALUE_AT_BEFORE can end in. */
const VALUE_AT_LAST = new Set(["value", "values", "valued", "valuing"]);
/** Sectors and groups that are the subject of market-wide figures ("Big Tech capex", "$145 billion for generative AI"). */
const SECTOR = new RegExp(String.raw`\b(?:${SECTOR_WORDS})(?:\s+(?:market|sector|industry|companies|firms))?\b`, "g");
const SECTOR_AT = new RegExp(SECTOR.source, "y");
/** A plural population at the head of a clause: "Chinese AI firms now hold ...", "Series A rounds for vertical AI companies". */
const POPULATION_HEAD = String.raw`(?:firms|companies|start-?ups|makers|players|labs|lenders|banks|insurers|vendors|providers|operators|manufacturers|IPOs|listings)`;
const POPULATION_AT_START = new RegExp(
  String.raw`^\s*(?:[\p{L}\s&]{1,40}:\s+)?(?:(?:the|most|many|some|all|other|rival|leading|top|major)\s+)*((?:[\p{L}][\p{L}\p{N}.&'’-]*\s+){0,3}?${POPULATION_HEAD})\b(?!\s+(?:like|such as|including)\b)`,
  "iu",
);
const POPULATION_AFTER_NOUN = new RegExp(
  String.raw`\b(?:rounds?|funding|valuations?|deals?|financings?|revenues?|spending|investments?)\s+(?:for|of|among|at)\s+(?:the\s+)?((?:[\p{L}][\p{L}\p{N}.&'’-]*\s+){0,3}?${POPULATION_HEAD})\b`,
  "iu",
);
const POPULATION_HEAD_ANYWHERE = new RegExp(POPULATION_HEAD, "iu");
const POPULATION_FIRST = new RegExp(String.raw`^((?:[\p{L}][\p{L}\p{N}.&'’-]*\s+){0,2}?${POPULATION_HEAD})\b`, "u");
const POPULATION_HINT = /firms|compan|start-?ups|makers|players|labs|lenders|banks|insurers|vendors|providers|operators|manufacturers|IPOs|listings/i;
const PLURAL_ANAPHOR = /\b(?:[Tt]he two|[Bb]oth|[Tt]he)\s+(?:companies|firms|partners|groups)\b|\b[Tt]he pair\b/;
const COMBINED = /\b(?:combined|collectively|together|jointly|altogether|in total)\b/i;
const OF_OWNER_BEFORE =
  /\b(?:users|customers|subscribers|revenues?|sales|valuation|shares|stock|employees|workforce|market share|stake|capex|profits?|earnings)\s+(?:of|at|in)\s+(?:the\s+)?$/i;
/** The words OF_OWNER_BEFORE can end in. */
const OF_OWNER_LAST = new Set(["of", "at", "in", "the"]);
const SUPPLY_VERB = /\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|deliver(?:s|ed|ing)?)\b/;

const GENERIC_SUBJECT =
  /\b(?:an?\s+(?:[\p{L}-]+\s+){0,3}(?:company|startup|start-up|firm|business|lab)|companies|startups|start-ups|firms|businesses|labs|(?:the|a|this)\s+(?:[\p{L}\p{N}-]+\s+){0,3}(?:market|sector|industry|segment))\b/iu;

/** An exclusion set that excludes nothing (subjectCandidate only reads it). */
const EXCLUDE_NONE: ReadonlySet<string> = new Set<string>();

/**
 * Where a pattern first matches in a sentence (-1: nowhere). Every figure of a sentence asks,
 * each about the text before it: the answer for the last sentence is kept.
 */
class FirstMatch {
  private of: string | null = null;
  private at = -1;
  private readonly re: RegExp;
  constructor(re: RegExp) {
    this.re = re;
  }

  /** Does a match start before `end`? */
  startsBefore(s: string, end: number): boolean {
    if (s !== this.of) {
      this.at = this.re.exec(s)?.index ?? -1;
      this.of = s;
    }
    return this.at >= 0 && this.at < end;
  }
}

/**
 * The head nouns of GENERIC_SUBJECT, with its flags (so "ſ" and the Kelvin sign fold alike).
 * Every match of GENERIC_SUBJECT in s.slice(0, fs) holds one, starting before fs; this scan of
 * the sentence is shared by its figures and much cheaper than the pattern (\b with flags "iu").
 */
const GENERIC_SUBJECT_GATE = new FirstMatch(/compan|start-?up|firm|business|lab|market|sector|industr|segment/iu);

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
 * The mention of the organisation that is the grammatical subject of the sentence (for discourse).
 * A plural subject ("Nvidia, Microsoft and a16z also participated") is never the antecedent
 * of "the company", so it leaves the discourse unchanged.
 */
export function subjectMention(mentions: Mention[]): Mention | null {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (m.prep || m.modifier || m.reporter) continue;
    if (m.kind === "pronoun" && !m.possessive && m !== mentions[0]) continue;
    const next = mentions[i + 1];
    if (m.kind === "org" && next && next.coordWith === i) return null;
    return m;
  }
  return null;
}

function group(mentions: Mention[], i: number): Mention[] {
  const m = mentions[i] as Mention;
  // Most mentions are coordinated with nothing: the group is the mention alone.
  if (m.coordWith < 0 && !coordinatedWith(mentions, i)) return [m];
  const out: Mention[] = [];
  let root = i;
  while (root >= 0 && (mentions[root] as Mention).coordWith >= 0) root = (mentions[root] as Mention).coordWith;
  const members = new Set<number>([root]);
  for (let j = root + 1; j < mentions.length; j++) {
    const m = mentions[j] as Mention;
    if (m.coordWith >= 0 && members.has(m.coordWith)) members.add(j);
  }
  // in insertion order, which is ascending: the root, then later mentions in order
  for (const j of members) {
    const m = mentions[j] as Mention;
    if (m.kind === "org") out.push(m);
  }
  return out.length ? out : [mentions[i] as Mention];
}

/** Is a later mention coordinated with mentions[i]? */
function coordinatedWith(mentions: Mention[], i: number): boolean {
  for (let j = i + 1; j < mentions.length; j++) if ((mentions[j] as Mention).coordWith === i) return true;
  return false;
}

/**
 * ADJECTIVES_ONLY on s.slice(from, to), read in place while the text is ASCII: at most three
 * words of [a-z-], each followed by white space.
 */
function adjectivesOnly(s: string, from: number, to: number): boolean {
  let words = 0;
  let inWord = false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === 32 || (c >= 9 && c <= 13)) inWord = false;
    else if (c >= 128) return ADJECTIVES_ONLY.test(s.slice(from, to));
    else if (c !== 45 && (c < 97 || c > 122)) return false;
    else if (!inWord) {
      if (++words > 3) return false;
      inWord = true;
    }
  }
  return !inWord;
}

function possessiveAdjacent(c: Ctx): Mention | null {
  const fsAbs = c.ctx.base + c.ctx.fs;
  for (let i = c.mentions.length - 1; i >= 0; i--) {
    const m = c.mentions[i] as Mention;
    if (m.outerEnd > fsAbs) continue;
    if (!m.possessive) return null;
    return adjectivesOnly(c.ctx.s, m.outerEnd - c.ctx.base, c.ctx.fs) ? m : null;
  }
  return null;
}

function mentionAt(mentions: Mention[], absStart: number): number {
  return mentions.findIndex((m) => m.kind === "org" && m.start === absStart);
}

function investorsOf(c: Ctx): { investors: Mention[]; strength: number } {
  const { ctx, mentions } = c;
  // "Marjan, which is 18.5% owned by Rimal": the owner follows "by"
  const by = ctx.s.charCodeAt(ctx.fe) === 32 ? OWNED_BY_AFTER.exec(ctx.s.slice(ctx.fe, ctx.fe + 40)) : null;
  if (by) {
    // the first name after "by", past words that describe it ("owned by state investor Rimal")
    const at = ctx.fe + by[0].length;
    const i = mentions.findIndex((m) => m.kind === "org" && m.start - ctx.base >= at && m.start - ctx.base - at <= 40 && !CLAUSE_MARK.test(ctx.s.slice(at, m.start - ctx.base)));
    if (i >= 0) return { investors: group(mentions, i), strength: 3 };
  }
  // "led by Brennerhof Capital with €60 million": the name after "by"
  if (ledByWith(ctx)) {
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as Mention;
      if (m.kind === "org" && m.prepWord === "by" && m.outerEnd - ctx.base <= ctx.fs && m.start - ctx.base >= ctx.fs - 90) return { investors: group(mentions, i), strength: 3 };
    }
  }
  const from = fromAfter(ctx.s, ctx.fe);
  if (from) {
    const i = mentionAt(mentions, ctx.base + ctx.fe + from[0].length);
    if (i >= 0) return { investors: group(mentions, i), strength: 3 };
  }
  const of = ofPossessiveAfter(ctx.s, ctx.fe);
  if (of) {
    const i = mentionAt(mentions, ctx.base + ctx.fe + of[0].length);
    const m = mentions[i];
    if (m && m.possessive && INVEST_NOUN_AFTER.test(c.ctx.s.slice(m.outerEnd - ctx.base))) return { investors: [m], strength: 3 };
  }
  const poss = possessiveAdjacent(c);
  if (poss) return { investors: [poss], strength: 3 };
  // "Harcourt, its largest shareholder with a 17.5% stake", "Its largest investor, Sagebrook, owns 22%"
  const appos = appositiveInvestor(c);
  if (appos) return { investors: [appos], strength: 3 };
  // "led by Nordhavn Capital, which contributed €400 million"
  const relText = tail(ctx.s.slice(0, ctx.fs), 80);
  const relOffset = ctx.fs - relText.length;
  // (the pattern needs "which" or "who")
  const relMatch = relText.includes("wh") ? /,\s*(?:which|who)\s+(?:[\p{Ll}-]+\s+){1,3}$/u.exec(relText) : null;
  const rel = relMatch ? { index: relMatch.index + relOffset } : null;
  if (rel) {
    const antecedent = [...mentions].reverse().find((m) => m.kind === "org" && m.outerEnd - ctx.base <= rel.index && /^\s*$/.test(ctx.s.slice(m.outerEnd - ctx.base, rel.index)));
    if (antecedent) return { investors: [antecedent], strength: 3 };
  }
  const label = labelMentions(c);
  if (label.length) return { investors: label, strength: 2.5 };
  const subj = subjectCandidate(c, EXCLUDE_NONE);
  if (subj && !RECEIVE_VERB.test(ctx.s.slice(subj.mention.outerEnd - ctx.base, ctx.fs))) {
    const i = mentions.indexOf(subj.mention);
    return { investors: subj.mention.kind === "org" ? group(mentions, i) : [subj.mention], strength: subj.strength };
  }
  return { investors: [], strength: 0 };
}

const INVESTOR_NOUN = String.raw`(?:(?:largest|biggest|main|major|top|leading|existing|single|second-largest)\s+)?(?:shareholder|investor|backer|owner|stakeholder)s?`;
const INVESTOR_NOUN_AFTER = new RegExp(String.raw`^\s+${INVESTOR_NOUN}\b`, "iu");
// (a name of up to three words before the possessive: "Tamsin Bio's largest shareholder")
const APPOS_AFTER = new RegExp(String.raw`^,\s+(?:its|their|the company['’]s|(?:[\p{Lu}][\p{L}\p{N}&.-]*\s+){0,2}[\p{Lu}][\p{L}\p{N}&.-]*['’]s?)\s+${INVESTOR_NOUN}\b`, "u");
const APPOS_BEFORE = new RegExp(String.raw`\b(?:its|their|(?:[\p{Lu}][\p{L}\p{N}&.-]*\s+){0,2}[\p{Lu}][\p{L}\p{N}&.-]*['’]s?)\s+${INVESTOR_NOUN},\s+$`, "iu");

/** The investor named next to "its largest shareholder", on either side. */
function appositiveInvestor(c: Ctx): Mention | null {
  const { ctx, mentions } = c;
  for (const m of mentions) {
    if (m.kind !== "org" || m.start >= ctx.base + ctx.fs) continue;
    // APPOS_AFTER opens with a comma, APPOS_BEFORE ends with one and white space: the texts
    // are sliced only then.
    const afterAt = m.outerEnd - ctx.base;
    if (afterAt < ctx.fs && ctx.s.charCodeAt(afterAt) === 44 && APPOS_AFTER.test(ctx.s.slice(afterAt, ctx.fs))) return m;
    const beforeAt = Math.max(0, m.start - ctx.base - 60);
    if (lastNonSpaceIn(ctx.s, beforeAt, m.start - ctx.base) === 44 && APPOS_BEFORE.test(ctx.s.slice(beforeAt, m.start - ctx.base))) return m;
  }
  return null;
}

/** lastNonSpace(s.slice(from, to)) without the slice. */
function lastNonSpaceIn(s: string, from: number, to: number): number {
  let e = to;
  while (e > from && isSpaceCode(s.charCodeAt(e - 1))) e--;
  return e > from ? s.charCodeAt(e - 1) : -1;
}

/** "its largest shareholder", "Acme's biggest investor": the owner of the investor noun is the investee. */
function investeeOfInvestorNoun(c: Ctx): string | null {
  const { ctx, mentions, disc } = c;
  const re = INVESTOR_NOUN_AFTER;
  for (const m of mentions) {
    if (!m.possessive || m.start >= ctx.base + ctx.fs) continue;
    if (re.test(ctx.s.slice(m.outerEnd - ctx.base))) return resolveMention(m, mentions, disc);
  }
  return null;
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
function subjectCandidate(
  c: Ctx,
  exclude: ReadonlySet<string>,
  phase: "before" | "after" | "all" = "all",
): { mention: Mention; key: string; strength: number } | null {
  const { ctx, mentions, disc } = c;
  const fsAbs = ctx.base + ctx.fs;
  const feAbs = ctx.base + ctx.fe;
  const clauseStartAbs = ctx.base + ctx.clauseStart;
  if (phase !== "after") {
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as Mention;
      if (m.outerEnd > fsAbs || m.start < clauseStartAbs) continue;
      const key = candidateKey(m, mentions, disc, exclude);
      if (key) return { mention: m, key, strength: m.kind === "org" ? 2.5 : 2 };
    }
    for (const m of mentions) {
      if (m.outerEnd > fsAbs) break;
      const key = candidateKey(m, mentions, disc, exclude);
      if (key) return { mention: m, key, strength: m.kind === "org" ? 2 : 1.5 };
    }
  }
  if (phase === "before") return null;
  for (const m of mentions) {
    if (m.start < feAbs) continue;
    const key = candidateKey(m, mentions, disc, exclude);
    if (key) return { mention: m, key, strength: 1.5 };
  }
  return null;
}

/** The organisation a mention stands for if it can be a grammatical subject, else null. */
function candidateKey(m: Mention, mentions: Mention[], disc: Discourse, exclude: ReadonlySet<string>): string | null {
  if (m.prep || m.modifier || m.reporter) return null;
  // "Its largest investor, Sagebrook, owns 22%": a possessive pronoun is a determiner, not the subject.
  if (m.kind === "pronoun" && m.possessive) return null;
  const key = resolveMention(m, mentions, disc);
  return key && !exclude.has(key) ? key : null;
}

function valueAtMention(c: Ctx): Mention | null {
  const { ctx, mentions } = c;
  for (const m of mentions) {
    if (m.kind !== "org" || m.start < ctx.base + ctx.fs - ctx.left.length || m.end > ctx.base + ctx.fs) continue;
    const before = tail(ctx.s.slice(0, m.start - ctx.base), 40);
    if (mayEndIn(before, VALUE_AT_LAST, 7) && VALUE_AT_BEFORE.test(before) && /^\s+at\b/.test(ctx.s.slice(m.outerEnd - ctx.base, ctx.fs))) return m;
  }
  // "the deal gives Fibrelink an enterprise value of about £5.1bn"
  for (const m of mentions) {
    if (m.kind !== "org" || m.end > ctx.base + ctx.fs || m.start < ctx.base + ctx.clauseStart) continue;
    const before = ctx.s.slice(Math.max(0, m.start - ctx.base - 12), m.start - ctx.base);
    if (!mayEndIn(before, GIVE_LAST, 6)) continue;
    const after = ctx.s.slice(m.outerEnd - ctx.base, ctx.fs);
    if (GIVE_BEFORE.test(before) && /^\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,2}(?:value|valuation|market cap\w*)\b/u.test(after)) return m;
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

const INVESTS_AFTER =
  /^\s+(?:(?:is|are|was|were|has|have|had|will|would)\s+(?:also\s+)?(?:be\s+|been\s+)?)?(?:putting|put|puts|investing|invested|invests|invest|contributing|contributed|contributes|committing|committed|commits|pledging|pledged|pledges)\b/i;

/** Whether the words at `at` of s make the name before them an investor ("X is putting in", "X invested"). */
function investsAfter(s: string, at: number): boolean {
  return INVESTS_AFTER.test(s.slice(at, at + 40));
}

export function resolveParties(attribute: string, raw: Ctx): Parties {
  const mentions = sameQuote(raw.ctx, raw.mentions);
  // (a new context only when the quotations set some names aside, which is seldom)
  const c: Ctx = mentions === raw.mentions ? raw : { ctx: raw.ctx, mentions, disc: raw.disc, entities: raw.entities, sentence: raw.sentence };
  const { ctx, disc } = c;
  const each = eachAfter(ctx.s, ctx.fe);

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
    const inv = investeeAfter(c, keys) ?? investeeOfInvestorNoun(c);
    if (inv && !keys.has(inv)) return { subject: inv, subjectStrength: 3, counterparties: names, counterpartyKeys, each };
    const subj = subjectCandidate(c, keys, "before");
    // "Saffron Peak is putting in $110 million, Meridian Bay is investing Rs 500 crore": an investor of the clause before is not the investee.
    if (subj && !investsAfter(ctx.s, subj.mention.outerEnd - ctx.base)) return { subject: subj.key, subjectStrength: subj.strength, counterparties: names, counterpartyKeys, each };
    if (disc.lastRoundSubject && !keys.has(disc.lastRoundSubject)) {
      return { subject: disc.lastRoundSubject, subjectStrength: 1.2, counterparties: names, counterpartyKeys, each };
    }
    const after = subjectCandidate(c, keys, "after");
    if (after) return { subject: after.key, subjectStrength: after.strength, counterparties: names, counterpartyKeys, each };
    // the round's subject, the article's, the discourse's (worked out only if asked)
    if (disc.lastRoundSubject && !keys.has(disc.lastRoundSubject)) {
      return { subject: disc.lastRoundSubject, subjectStrength: 1, counterparties: names, counterpartyKeys, each };
    }
    if (disc.focus && !keys.has(disc.focus)) return { subject: disc.focus, subjectStrength: 0.8, counterparties: names, counterpartyKeys, each };
    const last = disc.lastSubject;
    if (last && !keys.has(last)) return { subject: last, subjectStrength: 0.6, counterparties: names, counterpartyKeys, each };
    const only = [...keys][0] ?? null;
    return { subject: only, subjectStrength: 0.3, counterparties: [], counterpartyKeys: [], each: false };
  }
  if (attribute === "debt_financing") {
    const loan = lenderParties(c);
    if (loan) return loan;
  }
  if (attribute === "compute_capacity") return capacityParties(c);
  if (attribute === "deal_value" || attribute === "amount") {
    const award = awardParties(c);
    if (award) return award;
  }
  if (ACQUISITION_ATTRIBUTES.has(attribute)) {
    const deal = acquisitionParties(c);
    if (deal) return deal;
  }
  return general(c);
}

/** "Øresund Bank is lending €800 million", "Vestland Sparebank is providing NOK 3.5 billion": the words between a lender and its loan. */
const LENDS_BETWEEN = /^,?\s*(?:(?:which|who)\s+)?(?:(?:is|are|was|were|will be|has been|have been)\s+)?(?:lend(?:s|ing)?|lent|provid(?:e|es|ed|ing)|extend(?:s|ed|ing)?|arrang(?:e|es|ed|ing)|underwr(?:ite|ites|ote|iting|itten))\s+(?:[\p{Ll}-]+\s+){0,2}?$/u;
/** "an R$800 million credit facility from Banco Serrano": what comes between a loan and its lender. */
const LOAN_FROM_AFTER = /^[^,;()]{0,50}?\bfrom\s+(?:the\s+)?$/;

/**
 * A loan's parties: the lender named with it (the subject of "is lending", or after "from")
 * is the counterparty, and the borrower the subject. Null when no lender is named.
 */
function lenderParties(c: Ctx): Parties | null {
  const { ctx, mentions, disc } = c;
  let at = -1;
  const feAbs = ctx.base + ctx.fe;
  for (let i = 0; i < mentions.length && at < 0; i++) {
    const m = mentions[i] as Mention;
    if (m.kind !== "org" || m.prepWord !== "from" || m.start < feAbs || m.start - feAbs > 60) continue;
    if (LOAN_FROM_AFTER.test(ctx.s.slice(ctx.fe, m.start - ctx.base))) at = i;
  }
  const from = at >= 0;
  if (!from) {
    // the name right before "is lending" (whatever its own role: "led by X, which is lending")
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as Mention;
      if (m.outerEnd - ctx.base > ctx.fs) continue;
      if (m.kind === "org" && LENDS_BETWEEN.test(ctx.s.slice(m.outerEnd - ctx.base, ctx.fs))) at = i;
      break;
    }
  }
  if (at < 0) return null;
  const lenders = group(mentions, at);
  const keys = new Set(lenders.map((m) => m.key));
  // The borrower: the subject before a loan "from" a lender; after "X is lending", the company
  // the article is about (another name before it is more often another lender).
  let subject: string | null = null;
  if (from) {
    const borrower = subjectCandidate(c, keys, "before");
    // ("The cash will come from Ridgeline's funds and a £500 million term loan from Thameside Bank": whose the money is, as for any amount)
    subject = borrower && borrower.mention.kind === "org" ? borrower.key : general(c).subject;
    if (subject && keys.has(subject)) subject = null;
  }
  subject ??= [disc.lastSubject, disc.focus].find((k) => k && !keys.has(k)) ?? null;
  if (!subject) return null;
  return { subject, subjectStrength: 2, counterparties: lenders.map((m) => c.entities.displayName(m.key)), counterpartyKeys: [...keys], each: false };
}

/** "the European Space Agency had awarded it a contract worth up to": who was given the contract (group 1). */
const AWARDED_BEFORE =
  /\b(?:awarded|awards|award|granted|grants|grant|gave|gives|handed|hands)\s+(it|them|[\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s+[\p{Lu}][\p{L}\p{N}&.'’-]*){0,4})\s+(?:an?\s+|the\s+|its\s+)?(?:[\p{L}-]+\s+){0,3}?(?:contract|deal|order|grant|licen[cs]e|concession|mandate)s?\b[^.;]{0,40}$/u;

/** "awarded Kestrel Marine a $40 million order": the figure itself names the contract. */
const AWARDED_RIGHT_BEFORE =
  /\b(?:awarded|awards|award|granted|grants|grant|gave|gives|handed|hands)\s+(it|them|[\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s+[\p{Lu}][\p{L}\p{N}&.'’-]*){0,4})\s+(?:an?\s+)?[~≈]?$/u;
const AWARD_NOUN_HEAD = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:contract|deal|order|grant|licen[cs]e|concession|mandate)s?\b/u;

/** The party given a contract ("awarded it a contract worth up to €169 million") and the one giving it. */
function awardParties(c: Ctx): Parties | null {
  const { ctx, mentions, disc } = c;
  // (the sentence names an award at all: most amounts are in sentences that do not)
  const s = ctx.s;
  if (!s.includes("award") && !s.includes("grant") && !s.includes("gave") && !s.includes("give") && !s.includes("hand")) return null;
  const before = s.slice(Math.max(0, ctx.fs - 140), ctx.fs);
  if (!/\b(?:award|grant|gave|give|hand)/.test(before)) return null;
  const m = AWARDED_BEFORE.exec(before) ?? (AWARD_NOUN_HEAD.test(ctx.head) ? AWARDED_RIGHT_BEFORE.exec(before) : null);
  if (!m) return null;
  const at = ctx.fs - before.length + m.index + m[0].indexOf(m[1] as string, m[0].indexOf(" "));
  const giver = [...mentions].reverse().find((x) => x.kind === "org" && x.end - ctx.base <= at);
  let subject: string | null;
  if (m[1] === "it" || m[1] === "them") {
    const other = mentions.find((x) => x.kind === "org" && x !== giver && x.end - ctx.base <= at && !x.prep);
    subject = other ? other.key : (disc.lastSubject ?? disc.focus);
  } else {
    subject = mentions.find((x) => x.kind === "org" && x.start - ctx.base === at)?.key ?? null;
  }
  if (!subject || subject === giver?.key) return null;
  const giverName = giver ? c.entities.displayName(giver.key) : null;
  return { subject, subjectStrength: 3, counterparties: giverName ? [giverName] : [], counterpartyKeys: giver ? [giver.key] : [], each: false };
}

const ACQUISITION_ATTRIBUTES = new Set(["acquisition_price", "offer_price", "premium"]);
/** What may stand between a deal's verb and the company it names: "buy broadband provider ", "paid $210 million for German metrology firm ". */
const BEFORE_TARGET_NAME = String.raw`\s+(?:[\p{Lu}][\p{Ll}]+\s+(?=[\p{Ll}]))?(?:[\p{Ll}-]+\s+){0,3}$`;
const TARGET_BEFORE = new RegExp(
  String.raw`(?:\b(?:buy(?:s|ing)?|bought|acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|takeover of|acquisition of|purchase of|merger with|bid for|offer for)|\b(?:pay|pays|paid|paying|offer(?:s|ed|ing)?|bid(?:s|ding)?)\b[^.;]{0,50}\bfor)${BEFORE_TARGET_NAME}`,
  "u",
);

const PAID_FOR_BEFORE = new RegExp(String.raw`\bpaid\b[^.;]{0,50}\bfor${BEFORE_TARGET_NAME}`, "u");

/** "Acme agreed to buy broadband provider Beta for £4.3 billion", "paid $210 million for German metrology firm Beta": Beta is the subject, Acme the buyer. */
function acquisitionParties(c: Ctx): Parties | null {
  const { ctx, mentions, entities } = c;
  for (const m of mentions) {
    if (m.kind !== "org") continue;
    const before = ctx.s.slice(Math.max(0, m.start - ctx.base - 50), m.start - ctx.base);
    if (!TARGET_BEFORE.test(before)) continue;
    // (not a modifier: "Private-equity firm Halvorn Peak" names the buyer after it)
    const buyer = mentions.find((b) => b.kind === "org" && b.start < m.start && b.key !== m.key && !b.prep && !b.reporter && !b.modifier);
    const buyerKey = buyer ? buyer.key : null;
    return {
      subject: m.key,
      // (a price already paid, "since it paid $210 million for Beta", is not the deal the story follows: the
      // strength keeps Beta from becoming the subject that later "the deal" refers to)
      subjectStrength: PAID_FOR_BEFORE.test(before) ? 1.9 : 3,
      counterparties: buyerKey ? [entities.displayName(buyerKey)] : [],
      counterpartyKeys: buyerKey ? [buyerKey] : [],
      each: false,
    };
  }
  // "Britannic will pay 312 pence per share": the target named earlier, the payer here.
  const target = c.disc.lastRoundSubject;
  if (!target) return null;
  const payer = mentions.find((b) => b.kind === "org" && b.start < ctx.base + ctx.fs && b.key !== target && !b.prep && !b.reporter && !b.modifier);
  return {
    subject: target,
    subjectStrength: 1.5,
    counterparties: payer ? [entities.displayName(payer.key)] : [],
    counterpartyKeys: payer ? [payer.key] : [],
    each: false,
  };
}

/**
 * Capacity belongs to whoever uses it. "AWS will supply 2 GW" and "Nvidia will provide
 * OpenAI with ... 3GW" are about the buyer (named, or the article's focus); the supplier
 * is the counterparty. Otherwise the subject as usual and another company named nearby
 * ("2 GW of AWS Trainium compute") as the counterparty.
 */
function capacityParties(c: Ctx): Parties {
  const { ctx, mentions, disc, entities } = c;
  const base = general(c);
  const before = ctx.s.slice(0, ctx.fs);
  const supply = SUPPLY_VERB.exec(before);
  const withCp = (p: Parties, cp: string | null): Parties =>
    cp && cp !== p.subject ? { ...p, counterparties: [entities.displayName(cp)], counterpartyKeys: [cp] } : p;
  if (supply && base.subject) {
    const verbAt = ctx.base + supply.index;
    const supplier = mentions.find((m) => m.kind === "org" && m.end <= verbAt && !m.prep && !m.reporter && !m.modifier);
    if (supplier) {
      const verbEnd = verbAt + supply[0].length;
      const recipient =
        mentions.find(
          (m) =>
            m.kind === "org" &&
            m.start >= verbEnd &&
            m.key !== supplier.key &&
            (/^\s+(?:the\s+)?$/.test(ctx.s.slice(verbEnd - ctx.base, m.start - ctx.base)) || m.prepWord === "to" || m.prepWord === "for"),
        ) ?? null;
      const key = recipient?.key ?? (disc.focus && disc.focus !== supplier.key ? disc.focus : null);
      if (key) return withCp({ subject: key, subjectStrength: recipient ? 2.5 : 1.5, counterparties: [], counterpartyKeys: [], each: false }, supplier.key);
    }
  }
  // the first name after the figure, else the last before it
  let other = mentions.find((m) => m.kind === "org" && m.start >= ctx.base + ctx.fe && m.key !== base.subject && !m.reporter);
  for (let i = mentions.length - 1; !other && i >= 0; i--) {
    const m = mentions[i] as Mention;
    if (m.kind === "org" && m.end <= ctx.base + ctx.fs && m.key !== base.subject && !m.reporter) other = m;
  }
  return withCp(base, other?.key ?? null);
}

function general(c: Ctx): Parties {
  const { ctx, disc } = c;
  const row = tableRowMention(c);
  if (row) return single(row.key, 3);
  const poss = possessiveAdjacent(c);
  if (poss) {
    const key = resolveMention(poss, c.mentions, disc);
    // "with Ant Group’s $14 billion financing" is an aside: weaker than a subject.
    if (key) return withGroup(c, poss, single(key, poss.prep ? 1.8 : 3));
  }
  const valueAt = valueAtMention(c);
  if (valueAt) return single(valueAt.key, 3);
  const owner = possessiveOwner(c) ?? ofOwner(c);
  if (owner) return single(owner, 2.5);
  const sectorAfter = sectorRightAfter(c);
  if (sectorAfter) return named(sectorAfter, 3);
  const combined = combinedGroup(c);
  if (combined) return combined;
  const subjBefore = subjectCandidate(c, EXCLUDE_NONE, "before");
  if (subjBefore) return withGroup(c, subjBefore.mention, single(subjBefore.key, subjBefore.strength));
  // "with DeepSeek at 4%": a name just before the figure in its clause, whatever its role.
  for (let i = c.mentions.length - 1; i >= 0; i--) {
    const m = c.mentions[i] as Mention;
    if (m.kind !== "org" || m.modifier || m.outerEnd > ctx.base + ctx.fs || m.start < ctx.base + ctx.clauseStart) continue;
    // (not "a facility from Banco Tapajós and R$400 million of debentures": the name after "from" belongs to what came before)
    if (m.prepWord !== "from" && SHORT_GAP.test(ctx.s.slice(m.outerEnd - ctx.base, ctx.fs))) return single(m.key, 1.5);
    break;
  }
  const population = populationBefore(c);
  if (population) return named(population, 2);
  const subjAfter = subjectCandidate(c, EXCLUDE_NONE, "after");
  if (subjAfter) return single(subjAfter.key, subjAfter.strength);
  const label = labelMentions(c);
  if (label[0]) return single(label[0].key, 2);
  if (!c.mentions.some((m) => m.kind === "org")) {
    const sector = sentenceSector(ctx.s);
    if (sector) return named(sector, 1.5);
    const before = ctx.s.slice(0, ctx.fs);
    if (PLURAL_ANAPHOR.test(before)) return single(disc.lastSubject ?? disc.focus, 1.5);
    if (GENERIC_SUBJECT_GATE.startsBefore(ctx.s, ctx.fs) && GENERIC_SUBJECT.test(before)) return single(null, 0);
  }
  // The discourse subject when it is one of the names that can be a subject, else the first of
  // them. When they are all one name that is the same, and the discourse subject is not worked out.
  let firstOrg: Mention | undefined;
  let oneName = true;
  // (nor a name after "from" that follows a figure: "a facility of R$800 million from Banco Serrano and
  // R$400 million of debentures" names the lender of the first)
  let firstDigit: number | undefined;
  for (const m of c.mentions) {
    if (!fallbackOrg(m)) continue;
    if (m.prepWord === "from" && (firstDigit ??= ctx.s.search(DIGIT)) >= 0 && m.start - ctx.base > firstDigit) continue;
    if (!firstOrg) firstOrg = m;
    else if (m.key !== firstOrg.key) oneName = false;
  }
  if (firstOrg) {
    if (oneName) return single(firstOrg.key, 1);
    const last = disc.lastSubject;
    return single(last && c.mentions.some((m) => fallbackOrg(m) && m.key === last) ? last : firstOrg.key, 1);
  }
  const last = disc.lastSubject;
  return last ? single(last, 0.6) : single(disc.focus, 0.3);
}

const DIGIT = /\d/;

/** A name general() falls back on when no rule found the subject. */
function fallbackOrg(m: Mention): boolean {
  return m.kind === "org" && !m.modifier && !m.reporter && m.prepWord !== "according to";
}

/** A subject or counterparty that is a named group, a sector or a population. */
function named(name: string, strength: number): Parties {
  return { subject: entityKey(name), subjectName: name, subjectStrength: strength, counterparties: [], counterpartyKeys: [], each: false };
}

function sectorIn(text: string): string | null {
  SECTOR.lastIndex = 0;
  const m = SECTOR.exec(text);
  return m ? m[0] : null;
}

// Every figure of a sentence may ask for the sentence's sector: the last answer is kept.
let sectorOfS: string | null = null;
let sectorOfAnswer: string | null = null;

/** sectorIn(s) for a whole sentence. */
function sentenceSector(s: string): string | null {
  if (s !== sectorOfS) {
    sectorOfAnswer = sectorIn(s);
    sectorOfS = s;
  }
  return sectorOfAnswer;
}

/**
 * sectorIn(s.slice(0, fs)). A match there is one in the whole sentence too (so none when the
 * sentence has none), unless its closing \b holds only because the slice ends: a word
 * character on both sides of fs.
 */
function sectorBefore(s: string, fs: number): string | null {
  const cut = isRegexWordCode(s.charCodeAt(fs - 1)) && isRegexWordCode(s.charCodeAt(fs));
  return cut || sentenceSector(s) !== null ? sectorIn(s.slice(0, fs)) : null;
}

/** "a quarterly total of $145 billion for generative AI" */
function sectorRightAfter(c: Ctx): string | null {
  const { s, fe } = c.ctx;
  // The pattern needs white space, then "has", "have", "had", "for", "in" or "across".
  if (!isSpaceCode(s.charCodeAt(fe))) return null;
  const k = skipSpace(s, fe);
  if (!s.startsWith("ha", k) && !s.startsWith("for", k) && !s.startsWith("in", k) && !s.startsWith("across", k)) return null;
  // A population or a sector found in the phrase is one found in the sentence, unless the
  // 60 characters read cut a word (then the sector's closing \b may hold only in the phrase).
  const end = Math.min(s.length, fe + 60);
  const cut = end < s.length && isRegexWordCode(s.charCodeAt(end - 1)) && isRegexWordCode(s.charCodeAt(end));
  if (!cut && sentenceSector(s) === null && !sentenceHasPopulationHead(s)) return null;
  const after = s.slice(fe, fe + 60);
  const m = /^\s+(?:(?:has|have|had)\s+been\s+raised\s+)?(?:for|in|across)\s+(?:the\s+)?(\S.*)$/.exec(after);
  if (!m || !m[1]) return null;
  // "Some $18 billion has been raised in U.S. IPOs": a population, when no company precedes in the clause.
  // (The population starts the phrase, so it starts with a capital when the phrase does.)
  const orgBefore = c.mentions.some((x) => x.kind === "org" && x.end <= c.ctx.base + c.ctx.fs && x.start >= c.ctx.base + c.ctx.clauseStart);
  const pop = !orgBefore && startsUpper(m[1]) ? POPULATION_FIRST.exec(m[1]) : null;
  if (pop?.[1]) return pop[1];
  // The first sector match must start the phrase: a sticky match at 0 is that match.
  SECTOR_AT.lastIndex = 0;
  const sec = SECTOR_AT.exec(m[1]);
  if (!sec) return null;
  // "for generative AI research" is a purpose, not the sector the figure belongs to.
  return /^\s*(?:$|[,.;:)—–-]|\s(?:in|this|last|so|during|for|a|an|the|and)\b)/.test(m[1].slice(sec[0].length)) ? sec[0] : null;
}

/** POPULATION_HEAD as POPULATION_FIRST reads it (letter case kept). */
const POPULATION_HEAD_AS_WRITTEN = new RegExp(POPULATION_HEAD, "u");
// Every figure of a sentence may ask: the last answer is kept.
let headOfS: string | null = null;
let headOfAnswer = false;

/** Does POPULATION_FIRST's head occur anywhere in the sentence s? */
function sentenceHasPopulationHead(s: string): boolean {
  if (s !== headOfS) {
    headOfAnswer = POPULATION_HEAD_AS_WRITTEN.test(s);
    headOfS = s;
  }
  return headOfAnswer;
}

/** /^[\p{Lu}]/u.test(s), read from the first character when it is ASCII. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}]/u.test(s);
}

/** "Combined capex from Microsoft, Meta, Alphabet and Amazon", "X, Y, Z: permission to collectively buy". */
function combinedGroup(c: Ctx): Parties | null {
  const { ctx, mentions } = c;
  if (eachAfter(ctx.s, ctx.fe)) return null;
  // Without coordinated names (groups of two or more) and a sector there is nothing to
  // return, whatever the keyword says: the sentence's sector is one scan for all its figures.
  if (!mentions.some((m) => m.coordWith >= 0) && !sentenceSector(ctx.s)) return null;
  if (!COMBINED.test(ctx.s.slice(0, ctx.fs)) && !COMBINED.test(ctx.head)) return null;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (m.kind !== "org" || m.reporter) continue;
    const members = group(mentions, i);
    if (members.length >= 2) return groupParties(c, members, 2.5);
  }
  const sector = sentenceSector(ctx.s);
  return sector ? named(sector, 2) : null;
}

function groupParties(c: Ctx, members: Mention[], strength: number): Parties {
  const names = [...new Set(members.map((m) => c.entities.displayName(m.key)))];
  const name = names.length > 2 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join(" and ");
  return named(name, strength);
}

/** A subject coordinated with two or more others ("DeepSeek, ByteDance, Alibaba, Tencent") stands for the group. */
function withGroup(c: Ctx, m: Mention, p: Parties): Parties {
  if (m.kind !== "org" || eachAfter(c.ctx.s, c.ctx.fe)) return p;
  const i = c.mentions.indexOf(m);
  const members = i >= 0 ? group(c.mentions, i) : [m];
  return members.length >= 3 ? groupParties(c, members, p.subjectStrength) : p;
}

/** "Chinese AI firms now hold 15%", "rounds for vertical AI companies": a population, when no company is the subject. */
function populationBefore(c: Ctx): string | null {
  const { ctx, mentions } = c;
  const clauseStartAbs = ctx.base + ctx.clauseStart;
  const clauseEndAbs = ctx.base + ctx.clauseEnd;
  const fsAbs = ctx.base + ctx.fs;
  // no name in the clause; whether one starts before the figure
  let orgBefore = false;
  for (const m of mentions) {
    if (m.kind !== "org") continue;
    if (m.start >= clauseStartAbs && m.end <= clauseEndAbs) return null;
    if (m.start < fsAbs) orgBefore = true;
  }
  const sector = sectorBefore(ctx.s, ctx.fs);
  if (sector && !orgBefore) return sector;
  const before = ctx.s.slice(0, ctx.fs);
  if (!POPULATION_HINT.test(before)) return null;
  // Both patterns end in a population head, read with their flags.
  if (!POPULATION_HEAD_ANYWHERE.test(before)) return null;
  const head = POPULATION_AT_START.exec(before) ?? POPULATION_AFTER_NOUN.exec(before);
  const np = head?.[1]?.trim();
  if (!head || !np || /^(?:the|these|those|two|both)\b/i.test(np)) return null;
  // "The companies expect ...", "both firms": the parties already named, not a population.
  const npAt = head.index + head[0].lastIndexOf(np);
  if (!/\s/.test(np) && /\b(?:the|these|those|both|two)\s+$/i.test(before.slice(Math.max(0, npAt - 12), npAt))) return null;
  return np;
}

/** "Users of Codex", "shares in Fibrelink": the organisation after "of" owns the measured noun. */
function ofOwner(c: Ctx): string | null {
  const { ctx, mentions } = c;
  const majorAt = Math.max(0, ctx.majorAt);
  for (const m of mentions) {
    if (m.kind !== "org" || m.start >= ctx.base + ctx.fs || m.start < ctx.base + majorAt) continue;
    const before = ctx.s.slice(Math.max(0, m.start - ctx.base - 40), m.start - ctx.base);
    if (mayEndIn(before, OF_OWNER_LAST, 3) && OF_OWNER_BEFORE.test(before)) return m.key;
  }
  return null;
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

// Every figure of a sentence asks for the sentence's quotations: the last answer is kept.
let quotesOfS: string | null = null;
let quotesOfAnswer: Array<[number, number]> = [];
const NO_QUOTES: Array<[number, number]> = [];
const QUOTATION = /“[^”]*”|"[^"]*"/g;

/** The quotations of a sentence, as [start, end) offsets. */
function quotationSpans(s: string): Array<[number, number]> {
  if (s === quotesOfS) return quotesOfAnswer;
  let spans = NO_QUOTES;
  // One regex scan finds the first quotation or none (two includes() scans of a two-byte
  // string cost more).
  QUOTATION.lastIndex = 0;
  let m = QUOTATION.exec(s);
  if (m) {
    spans = [];
    for (; m !== null; m = QUOTATION.exec(s)) spans.push([m.index, m.index + m[0].length]);
  }
  quotesOfS = s;
  quotesOfAnswer = spans;
  return spans;
}

/** Mentions inside a quotation only count for figures in the same quotation, and vice versa. */
function sameQuote(ctx: FigureContext, mentions: Mention[]): Mention[] {
  // Only names are ever set aside (see the return): without one, the quotations do not matter.
  if (!mentions.some((x) => x.kind === "org")) return mentions;
  const spans = quotationSpans(ctx.s);
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
  const from = fromAfter(ctx.s, ctx.fe);
  return !!from && mentionAt(mentions, ctx.base + ctx.fe + from[0].length) >= 0;
}
