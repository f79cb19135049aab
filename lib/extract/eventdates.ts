// Which dates are claims. A date is a claim when it dates an event (an announcement, a close,
// a listing, a launch); it is only a qualifier when it says when another figure held ("$4B
// (July 2025)", "in March 2026 ... 18% lower"), and it is page furniture in a dateline,
// a byline or an "Updated:" stamp.

import { GATE, sentenceHas, sentenceHasWithin, type Gate } from "./attributes";
import { isSpaceCode, tail, type FigureContext } from "./context";
import { DATED_ACTS } from "./dates";
import { endWord, lastWords, longest, mayEndIn } from "./endword";
import type { Figure, Sentence } from "./types";

export type DateDecision = { claim: boolean; attribute: string; strength: number };

/** Dates that describe the page or a cited source, not an event. */
const META_DATE_BEFORE = /\b(?:updated|published|posted|modified|report(?:ed)?|article|story|dated|as of)\s*(?:of|on|at|from)?\s*:?\s*$/i;
const META_DATE_AFTER = /^\s*(?:(?:report|article|story|post|interview|statement)\b|\([^)]{1,40}\)\s*[-–—])/i; // "Jan 14 (Reuters) -" dateline
/** META_DATE_BEFORE ends in a word ending in one of these (its words may touch: "updatedon"), white space and a ":" aside. */
const META_LAST = ["updated", "published", "posted", "modified", "report", "reported", "article", "story", "dated", "of", "on", "at", "from"];
const META_LAST_MAX = META_LAST.reduce((n, w) => Math.max(n, w.length), 0);

function metaDateBefore(before: string): boolean {
  const w = endWord(before, META_LAST_MAX, true);
  if (w !== null && !META_LAST.some((x) => w.endsWith(x))) return false;
  return META_DATE_BEFORE.test(before);
}

/** "for the year to March 2025", "the quarter ended June 2024", "the crop year, which ended March 31": the period of other figures. */
const PERIOD_BEFORE = /\b(?:year|quarter|half|months?|period|fiscal year|FY)(?:,\s*which)?\s+(?:to|ended|ending|through|until)\s*$/i;

/** Words that make a later date the time of an expected event. */
const EXPECTED_BEFORE = /\b(?:expect(?:s|ed|ing)?|due|plan(?:s|ned|ning)?|schedul(?:e|es|ed|ing)|slated|target(?:s|ed|ing)?|aim(?:s|ed|ing)?|intend(?:s|ed)?|set to|as soon as)\b/i;

/** An act dated by the month after it: "Construction began in July", "after buying shares in March". */
const BARE_MONTH_EVENT_BEFORE = new RegExp(String.raw`\b(?:${DATED_ACTS}|buying)\b(?:\s+[\p{L}\p{N}-]+){0,2}\s+in\s+$`, "u");

/** Is the date f the only figure (dates aside) of its clause? */
function aloneInClause(f: Figure, ctx: FigureContext, figures: readonly Figure[]): boolean {
  const cs = ctx.base + ctx.clauseStart;
  const ce = ctx.base + ctx.clauseEnd;
  return !figures.some((g) => g !== f && g.kind !== "date" && g.start >= cs && g.end <= ce);
}

/** By attribute: its words (each needs a word of its gate in the sentence, see sentenceHas). */
const CLASSES: Array<[Gate & `${string}_date`, RegExp]> = [
  ["ipo_date", /\bIPOs?\b|\binitial public offering\b|\b(?:listing|listed|float(?:ed|s|ing)?|went public|go(?:es|ing)? public|debut(?:ed|s)?)\b/gi],
  ["launch_date", /\blaunch(?:es|ed|ing)?\b|\brelease[sd]?\b|\breleasing\b|\brollout\b|\broll(?:s|ed|ing)? out\b|\b(?:models?|products?|versions?|devices?|phones?)\s+(?:is\s+|are\s+)?(?:expected|due|slated|scheduled)\b|\bgo(?:es|ing)? live\b|\bwent live\b|\bswitch(?:es|ed|ing)? on\b|\bc(?:o|a)mes? online\b|\bcoming online\b|\bstart(?:s|ed|ing)? (?:commercial )?operations\b|\benter(?:s|ed|ing)? service\b|\bstart(?:s|ed|ing)? up\b|\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began)\s+(?:mass\s+|commercial\s+|full\s+)?production\b|\b(?:first|maiden)\s+(?:orbital\s+|test\s+|commercial\s+)?(?:flight|voyage)\b|\bmaiden\s+launch\b|\breach(?:ed|es|ing)?\s+orbit\b/gi],
  ["closing_date", /\bclos(?:e|es|ed|ing)\b|\bcomplet(?:e|es|ed|ion|ing)\b|\bfinali[sz](?:e|es|ed|ing)\b|\bsign(?:s|ed|ing)?\b|\braised\b/gi],
  ["announcement_date", /\bannounc(?:e|es|ed|ing|ement)\b|\bunveil(?:s|ed|ing)?\b|\bconfirm(?:s|ed|ing)?\b|\bdisclos(?:e|es|ed|ing)\b/gi],
];

/** The gate of each class's words (see GATE). */
const CLASS_GATES: number[] = CLASSES.map(([attribute]) => GATE[attribute]);

/** The attributes a date can be given: part of the vocabulary every workspace starts from. */
export const EVENT_DATE_ATTRIBUTES: readonly string[] = CLASSES.map(([attribute]) => attribute);

const GOVERNED = /^(?:\s+[\p{L}\p{N}'’-]+){0,3}?(?:\s+(?:in|on|by|at|for|during|around|from|until|before|after|since|of|the|early|mid|late|expected|due|slated|scheduled))?\s*$/iu;

/** A round named right before the date dates its close: "the previous round in March 2024". */
const ROUND_BEFORE = /\b(?:round|raise|financing|funding)\s+(?:in|on)\s*$/i;
/** The words PERIOD_BEFORE and ROUND_BEFORE end in, white space aside. */
const PERIOD_LAST = lastWords("to|ended|ending|through|until");
const PERIOD_LAST_MAX = longest(PERIOD_LAST);
const ROUND_LAST = lastWords("in|on");
const ROUND_LAST_MAX = longest(ROUND_LAST);
const PAST_COMPLETION = /\b(?:had|has|have)\s+(?:now\s+|just\s+)?(?:completed|closed|finali[sz]ed)\b|\b(?:completed|closed|finali[sz]ed)\b(?!\s+(?:by|in|on)\b)/i;

/** The nearest event word in text, the part of the sentence s that starts at `from`: from its start, or from its end. */
function nearestClass(s: string, text: string, from: number, fromEnd: boolean): { attribute: string; at: number } | null {
  let best: { attribute: string; at: number } | null = null;
  for (let k = 0; k < CLASSES.length; k++) {
    const [attribute, re] = CLASSES[k] as [string, RegExp];
    if (!sentenceHasWithin(s, CLASS_GATES[k] as number, from, from + text.length)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const at = fromEnd ? text.length - (m.index + m[0].length) : m.index;
      if (!best || at < best.at) best = { attribute, at };
      // From the start, the first match of a class is its nearest: the later ones lie further.
      if (!fromEnd) break;
    }
  }
  return best;
}

/** Where the first ",", ";", "." or "(" in the first `max` characters of text is, else max (or the end). */
function untilPunctuation(text: string, max: number): number {
  const end = Math.min(text.length, max);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 46 || c === 40) return i;
  }
  return end;
}

const DATELINE_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
const LOWERCASE_FIRST = /^\p{Ll}/u;

/** "LONDON, 3 March 2026", "By Ana Ruiz | November 20, 2025": a short line of names around a date. */
function isDateline(s: string, f: Figure, base: number, others: number): boolean {
  if (others > 0) return false;
  const rest = (s.slice(0, f.start - base) + " " + s.slice(f.end - base)).replace(/\([^)]*\)/g, " ");
  // at most 6 words, each capitalised or one of DATELINE_WORDS: stop at the first that is not
  DATELINE_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let count = 1; (m = DATELINE_WORD.exec(rest)) !== null; count++) {
    if (count > 6 || (LOWERCASE_FIRST.test(m[0]) && !DATELINE_WORDS.has(m[0]))) return false;
  }
  return true;
}

/** "SYDNEY, March 10 - ...", "OXFORD, England, 29 September 2026 - ...", "STOCKHOLM/LOS ANGELES, June 16 (Newswire) - ...": a wire story's dateline. */
const WIRE_DATELINE_BEFORE = /^\s*\p{Lu}[\p{Lu}\s.'’/-]*(?:,\s*\p{Lu}[\p{L}\s.'’-]{1,30})?,\s*$/u;
const WIRE_DATELINE_AFTER = /^\s*(?:,?\s*(?:19|20)\d\d)?\s*(?:\([^)]{1,40}\)\s*)?[-–—]\s/;

const DATELINE_WORDS = new Set(["by", "on", "at", "updated", "published", "posted", "and"]);

const PIPE = 124;
const OPEN_PAREN = 40;

/** /X\s*$/ for the character X with code `mark`, on the last n characters of s: the last of them that is not white space is X. */
function endsInMark(s: string, mark: number, n: number): boolean {
  const limit = Math.max(0, s.length - n);
  let e = s.length;
  while (e > limit && isSpaceCode(s.charCodeAt(e - 1))) e--;
  return e > limit && s.charCodeAt(e - 1) === mark;
}

/** How many of the figures are not dates. */
function countOthers(figures: readonly Figure[]): number {
  let n = 0;
  for (const g of figures) if (g.kind !== "date") n++;
  return n;
}

export function decideDate(f: Figure, ctx: FigureContext, figures: readonly Figure[], sentence: Sentence): DateDecision {
  const qualifier: DateDecision = { claim: false, attribute: "date", strength: 0 };
  const before = ctx.s.slice(0, ctx.fs);
  const after = ctx.s.slice(ctx.fe);
  if (metaDateBefore(tail(before, 60)) || META_DATE_AFTER.test(after)) return qualifier;
  // "Headline | February 1, 2026", "By Dana Whitfield | November 20, 2025"
  if (endsInMark(before, PIPE, 8) && !/[\p{L}\p{N}]/u.test(after.replace(/\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*[A-Z]{0,4}/g, ""))) return qualifier;
  if (!sentence.table && isDateline(ctx.s, f, ctx.base, countOthers(figures))) return qualifier;
  if (WIRE_DATELINE_BEFORE.test(before) && WIRE_DATELINE_AFTER.test(after)) return qualifier;
  // "$4B (July 2025)": the as-of date of the figure before it.
  if (endsInMark(before, OPEN_PAREN, 8) && figures.some((g) => g.kind !== "date" && g.end - ctx.base <= ctx.fs && /^\s*\(\s*$/.test(ctx.s.slice(g.end - ctx.base, ctx.fs)))) return qualifier;
  const before60 = tail(before, 60);
  if (mayEndIn(before60, PERIOD_LAST, PERIOD_LAST_MAX) && PERIOD_BEFORE.test(before60)) return qualifier;

  const leftNearAt = Math.max(ctx.clauseStart, ctx.fs - 60);
  const leftNear = ctx.s.slice(leftNearAt, ctx.fs);
  const nearest = nearestClass(ctx.s, leftNear, leftNearAt, true);
  // The event word must govern the date: at most a few words between, ending in a preposition ("raised in", "floated in London in").
  const near = nearest && GOVERNED.test(leftNear.slice(leftNear.length - nearest.at)) ? nearest : null;
  const afterWords = after.slice(0, untilPunctuation(after, 40));
  const nextWord = nearestClass(ctx.s, afterWords, ctx.fe, false);
  const adjacentAfter = nextWord && /^\s*(?:[\p{L}-]+\s+){0,1}$/u.test(afterWords.slice(0, nextWord.at)) ? nextWord : null;
  const before40 = tail(before, 40);
  const roundBefore = mayEndIn(before40, ROUND_LAST, ROUND_LAST_MAX) && ROUND_BEFORE.test(before40);
  const adjacent = !!near || !!adjacentAfter || roundBefore;

  // A quarter or a half-year away from an event word is the period of something else ("Q4 2025
  // earnings"), unless what is expected then is the clause's only figure ("first results expected
  // in the second half of 2027", "expects to turn profitable in the fourth quarter of 2026").
  if (f.granularity === "quarter" && !adjacent && !(EXPECTED_BEFORE.test(ctx.s.slice(ctx.clauseStart, ctx.fs)) && aloneInClause(f, ctx, figures))) return qualifier;
  if (f.bare) {
    // A month without its year is claimed only where something is expected then, or an act is dated by it
    // ("a meeting expected in August", "after buying shares in March"), not as a period ("sales in December").
    if (!(EXPECTED_BEFORE.test(ctx.s.slice(ctx.clauseStart, ctx.fs)) && aloneInClause(f, ctx, figures)) && !BARE_MONTH_EVENT_BEFORE.test(tail(before, 50))) return qualifier;
    // (only an event word next to it names the event: the rest of the sentence may date another)
    return { claim: true, attribute: near?.attribute ?? adjacentAfter?.attribute ?? "date", strength: 1.5 };
  } else if (f.granularity === "month" && !adjacent && !aloneInClause(f, ctx, figures)) return qualifier;

  // The event word right before the date, then right after it ("Q4 2026 IPO"), decides.
  if (near) return { claim: true, attribute: near.attribute, strength: 2.5 };
  if (adjacentAfter) return { claim: true, attribute: adjacentAfter.attribute, strength: 2.5 };
  if (roundBefore) return { claim: true, attribute: "closing_date", strength: 2 };
  // Otherwise the sentence: a completion it reports wins over the announcement that carried it.
  const clause = nearestClass(ctx.s, ctx.clause, ctx.clauseStart, false);
  if (sentenceHas(ctx.s, GATE.closing_date) && PAST_COMPLETION.test(ctx.s) && (!clause || clause.attribute === "announcement_date" || clause.attribute === "closing_date")) {
    return { claim: true, attribute: "closing_date", strength: 2 };
  }
  if (clause) return { claim: true, attribute: clause.attribute, strength: 2 };
  const inSentence = nearestClass(ctx.s, ctx.s, 0, false);
  if (inSentence) return { claim: true, attribute: inSentence.attribute, strength: 1 };
  return { claim: true, attribute: "date", strength: 0 };
}
