// All figures of one sentence, in text order, with no overlaps and nothing taken from URLs.
// Priority on overlap: dates, money, percentages, power, multiples, counts.

import { findDates, type RefInput } from "./dates";
import { inTextOrder } from "./figure-order";
import { OTHER_CURRENCY_SIGN, findMoney, mayNameCurrency } from "./money";
import { findMultiples } from "./multiples";
import { findPercents } from "./percent";
import { findCounts, findPower } from "./quantities";
import type { Figure } from "./types";

type Span = { start: number; end: number };

/**
 * URLs are /\bhttps?:\/\/[^\s)"”>\]]+|\bwww\.[^\s)"”>\]]+|[\w.+-]+@[\w-]+\.[\w.]+/g, run as two
 * patterns (see findUrls): the e-mail part tries a run of word characters at every position,
 * and is only worth running where there is an "@".
 */
const WEB_ADDRESS_RE = /\bhttps?:\/\/[^\s)"”>\]]+|\bwww\.[^\s)"”>\]]+/g;
const EMAIL_RE = /[\w.+-]+@[\w-]+\.[\w.]+/g;

function matchFrom(re: RegExp, s: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(s);
}

/**
 * The matches of the one URL pattern above, in order: at each step the leftmost of the next
 * web address and the next e-mail, the web address on a tie (its alternatives come first),
 * and the search goes on from its end, as a global exec loop would.
 */
function findUrls(s: string, offset: number, blocked: Span[]): void {
  const emails = s.includes("@");
  let web = matchFrom(WEB_ADDRESS_RE, s, 0);
  let email = emails ? matchFrom(EMAIL_RE, s, 0) : null;
  while (web !== null || email !== null) {
    const m = web !== null && (email === null || web.index <= email.index) ? web : (email as RegExpExecArray);
    const end = m.index + m[0].length;
    blocked.push({ start: offset + m.index, end: offset + end });
    if (web !== null && web.index < end) web = matchFrom(WEB_ADDRESS_RE, s, end);
    if (email !== null && email.index < end) email = matchFrom(EMAIL_RE, s, end);
  }
}

// Hints: cheap tests that decide which finders can match at all. A single character is
// looked for with includes, much faster than a regex over the sentence.
/**
 * What a URL needs: "://" (for "http://"), "www." or "@". Searches for a rare first character
 * (":", "@") are the fastest, so those go first.
 */
const urlHint = (s: string): boolean => s.includes("@") || s.includes("://") || s.includes("www.");
/** A month's full name (or a word that ends like one), capital first: about half the cost of MONTH_AFTER_WORD_HINT, which tries every "in". */
const MONTH_NAME_HINT = /[JFMASOND](?:anuary|ebruary|arch|pril|ay|une|uly|ugust|eptember|ctober|ovember|ecember)\b/;
/** "last March", "next October" and "expected in August" (a month without a day or a year, see dates.ts), in one pattern. */
const MONTH_AFTER_WORD_HINT = /\b(?:last|next|[Ii]n|[Ff]or|[Dd]uring|[Uu]ntil|[Bb]y|[Ss]ince)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
// Each hint is one alternation split in parts tried in turn (a text matches an alternation
// exactly when it matches one of its parts): the short common parts first, which is faster.
const RELATIVE_YEAR_HINT = /\b(?:last|this|next)\s+year\b/i;
/** "closed on Friday" (see dates.ts) */
const WEEKDAY_EVENT_HINT = /\b(?:on|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
/** "in the fourth quarter", "by the first half": a period whose year is the reference date's (see dates.ts). */
// ("next quarter", "last month": see RELATIVE_PERIOD in dates.ts)
const YEARLESS_PERIOD_HINT = /\bthe\s+(?:first|second|third|fourth)[- ](?:quarter|half)\b|\b(?:[Nn]ext|[Ll]ast)\s+(?:quarter|month)\b/;
const MONTH_ABBR_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const PERIOD_HINT = /Q[1-4]|[Qq]uarter|\d-\d\d-\d|month|half|H[12]/;
const dateHint = (s: string): boolean => MONTH_ABBR_HINT.test(s) || PERIOD_HINT.test(s) || (s.includes("day") && WEEKDAY_EVENT_HINT.test(s));
/** /[$€£¥₹₩¢]/ or a local sign: the dollar sign, by far the most common, first on its own. */
const currencySignHint = (s: string): boolean => s.includes("$") || OTHER_CURRENCY_SIGN.test(s);
/** With mayNameCurrency, what a money figure needs when no currency sign is there. */
const SUBUNIT_WORD_HINT = /pence|cent|kobo|\dp\b/;
/** /%|percent|per cent|pct/ */
const percentHint = (s: string): boolean => s.includes("%") || PERCENT_WORD.test(s) || ((s.includes("bp") || s.includes("basis")) && BASIS_POINTS.test(s));
const PERCENT_WORD = /p(?:ercent|er cent|ct)/;
/** "12 basis points", "145bps", "25 bp" */
const BASIS_POINTS = /basis point|\dbps?\b|\sbps?\b/;
/** Every power unit has a capital W ("GW", "kWh") or spells "watt" (in any case): /W|[wW][aA][tT][tT]/. */
const powerHint = (s: string): boolean => s.includes("W") || LOWER_WATT.test(s);
const LOWER_WATT = /w[aA][tT][tT]/;
const MULTIPLE_WORD_HINT = /doubl|tripl|quadrupl|twice|fold\b|times\b/i;

function overlapsAny(spans: readonly Span[], f: Figure): boolean {
  for (const g of spans) if (f.start < g.end && g.start < f.end) return true;
  return false;
}

/** Adds the figures of one finder that overlap neither a URL nor a figure already taken. */
function addFree(out: Figure[], found: readonly Figure[], blocked: readonly Span[]): void {
  for (const f of found) if (!overlapsAny(blocked, f) && !overlapsAny(out, f)) out.push(f);
}

const DIGIT = /\d/g;
/** Made once: a regex literal in the function would make a new RegExp object at every call. */
const ANY_DIGIT = /\d/;

/** The end of a span that holds position p, or -1. */
function endOfSpanAt(p: number, out: readonly Figure[], blocked: readonly Span[]): number {
  for (const f of out) if (f.start <= p && p < f.end) return f.end;
  for (const b of blocked) if (b.start <= p && p < b.end) return b.end;
  return -1;
}

/**
 * Whether a sentence still has a digit outside the spans taken (figures found so far, URLs).
 * Money, percentages, power and counts all hold a digit: where none is left, whatever they
 * found would overlap a taken span and be dropped, so they (and their hints) need not run.
 * Spans are only ever added, so the search goes on from the last free digit found, and only
 * when figures were added since.
 */
class FreeDigits {
  /** Every digit before this position of s is taken; -1 once no digit is left. */
  private at: number;
  /** How many figures had been found when `at` was last worked out. */
  private takenAt = -1;

  constructor(
    private readonly s: string,
    private readonly offset: number,
    private readonly out: readonly Figure[],
    private readonly blocked: readonly Span[],
    hasDigit: boolean,
  ) {
    this.at = hasDigit ? 0 : -1;
  }

  any(): boolean {
    if (this.at < 0 || this.takenAt === this.out.length) return this.at >= 0;
    this.takenAt = this.out.length;
    if (this.out.length === 0 && this.blocked.length === 0) return true;
    for (;;) {
      // test, not exec: no match object; the digit is the one character before lastIndex
      DIGIT.lastIndex = this.at;
      if (!DIGIT.test(this.s)) {
        this.at = -1;
        return false;
      }
      const digitAt = DIGIT.lastIndex - 1;
      const end = endOfSpanAt(this.offset + digitAt, this.out, this.blocked);
      this.at = end < 0 ? digitAt : end - this.offset;
      if (end < 0) return true;
    }
  }
}

export function findFigures(text: string, start: number, end: number, ref: RefInput): Figure[] {
  const s = text.slice(start, end);
  const digits = ANY_DIGIT.test(s);
  const words = MULTIPLE_WORD_HINT.test(s);
  // Relative dates are the only figures that need no digit and no multiple: "last March",
  // "March of last year", "the first half of next year", "in the fourth quarter", "next month", "expected in August", "closed on Friday".
  const relativeDate =
    !digits &&
    ((MONTH_NAME_HINT.test(s) && MONTH_AFTER_WORD_HINT.test(s)) ||
      (s.includes("year") && RELATIVE_YEAR_HINT.test(s)) ||
      ((s.includes("quarter") || s.includes("half") || s.includes("month")) && YEARLESS_PERIOD_HINT.test(s)) ||
      (s.includes("day") && WEEKDAY_EVENT_HINT.test(s)));
  if (!digits && !words && !relativeDate) return [];
  // URLs only matter once there may be a figure to block.
  const blocked: Span[] = [];
  if (urlHint(s)) findUrls(s, start, blocked);
  if (!digits && !relativeDate) return findMultiples(text, start, end, s).filter((f) => !overlapsAny(blocked, f));

  // Every finder is given the sentence's text, sliced once here.
  // Cheap tests first: most sentences have no currency, no "%", no month name. Each finder
  // only adds what the ones before it (higher priority) left free, and the ones whose figures
  // hold a digit run only while a digit is left free.
  const out: Figure[] = [];
  if (dateHint(s)) addFree(out, findDates(text, start, end, ref, false, s), blocked);
  const freeDigits = new FreeDigits(s, start, out, blocked, digits);
  if (freeDigits.any()) {
    if (currencySignHint(s)) addFree(out, findMoney(text, start, end, undefined, s), blocked);
    else {
      const namesCurrency = mayNameCurrency(s);
      if (namesCurrency || SUBUNIT_WORD_HINT.test(s)) addFree(out, findMoney(text, start, end, namesCurrency, s), blocked);
    }
  }
  if (freeDigits.any() && percentHint(s)) addFree(out, findPercents(text, start, end, s), blocked);
  if (freeDigits.any() && powerHint(s)) addFree(out, findPower(text, start, end, s), blocked);
  if (words) addFree(out, findMultiples(text, start, end, s), blocked);
  if (freeDigits.any()) addFree(out, findCounts(text, start, end, s), blocked);
  return inTextOrder(out, true);
}
