// All figures of one sentence, in text order, with no overlaps and nothing taken from URLs.
// Priority on overlap: dates, money, percentages, power, multiples, counts.

import { findDates, type RefInput } from "./dates";
import { findMoney, mayNameCurrency } from "./money";
import { findMultiples } from "./multiples";
import { findPercents } from "./percent";
import { findCounts, findPower } from "./quantities";
import type { Figure } from "./types";

const URL_RE = /\bhttps?:\/\/[^\s)"”>\]]+|\bwww\.[^\s)"”>\]]+|[\w.+-]+@[\w-]+\.[\w.]+/g;

// Hints: cheap tests that decide which finders can match at all. A single character is
// looked for with includes, much faster than a regex over the sentence.
/** /http|www\.|@/ */
const urlHint = (s: string): boolean => s.includes("http") || s.includes("www.") || s.includes("@");
const RELATIVE_MONTH_HINT = /\b(?:last|next)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
// Each hint is one alternation split in parts tried in turn (a text matches an alternation
// exactly when it matches one of its parts): the short common parts first, which is faster.
const MONTH_ABBR_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const PERIOD_HINT = /Q[1-4]|[Qq]uarter|\d-\d\d-\d|month|half|H[12]/;
const dateHint = (s: string): boolean => MONTH_ABBR_HINT.test(s) || PERIOD_HINT.test(s);
/** /[$€£¥₹₩¢]/: the dollar sign, by far the most common, first on its own. */
const currencySignHint = (s: string): boolean => s.includes("$") || OTHER_CURRENCY_SIGN.test(s);
const OTHER_CURRENCY_SIGN = /[€£¥₹₩¢]/;
/** With mayNameCurrency, what a money figure needs when no currency sign is there. */
const SUBUNIT_WORD_HINT = /pence|cent|\dp\b/;
/** /%|percent|per cent|pct/ */
const percentHint = (s: string): boolean => s.includes("%") || PERCENT_WORD.test(s);
const PERCENT_WORD = /p(?:ercent|er cent|ct)/;
/** Every power unit has a capital W ("GW", "kWh") or spells "watt" (in any case): /W|[wW][aA][tT][tT]/. */
const powerHint = (s: string): boolean => s.includes("W") || LOWER_WATT.test(s);
const LOWER_WATT = /w[aA][tT][tT]/;
const MULTIPLE_WORD_HINT = /doubl|tripl|quadrupl|twice|fold\b|times\b/i;

type Span = { start: number; end: number };

function overlapsAny(spans: readonly Span[], f: Figure): boolean {
  for (const g of spans) if (f.start < g.end && g.start < f.end) return true;
  return false;
}

/** Adds the figures of one finder that overlap neither a URL nor a figure already taken. */
function addFree(out: Figure[], found: readonly Figure[], blocked: readonly Span[]): void {
  for (const f of found) if (!overlapsAny(blocked, f) && !overlapsAny(out, f)) out.push(f);
}

export function findFigures(text: string, start: number, end: number, ref: RefInput): Figure[] {
  const s = text.slice(start, end);
  const digits = /\d/.test(s);
  const words = MULTIPLE_WORD_HINT.test(s);
  // "last March" is the one figure that needs no digit and no multiple. The month pattern
  // rarely matches, so it goes before the two includes (the same answer, cheaper).
  const relativeMonth = !digits && RELATIVE_MONTH_HINT.test(s) && (s.includes("last ") || s.includes("next "));
  if (!digits && !words && !relativeMonth) return [];
  // URLs only matter once there may be a figure to block.
  const blocked: Span[] = [];
  if (urlHint(s)) {
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = URL_RE.exec(s)) !== null) blocked.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
  if (!digits && !relativeMonth) return findMultiples(text, start, end).filter((f) => !overlapsAny(blocked, f));

  // Cheap tests first: most sentences have no currency, no "%", no month name. Each finder
  // only adds what the ones before it (higher priority) left free.
  const out: Figure[] = [];
  if (dateHint(s)) addFree(out, findDates(text, start, end, ref), blocked);
  if (currencySignHint(s)) addFree(out, findMoney(text, start, end), blocked);
  else {
    const namesCurrency = mayNameCurrency(s);
    if (namesCurrency || SUBUNIT_WORD_HINT.test(s)) addFree(out, findMoney(text, start, end, namesCurrency), blocked);
  }
  if (percentHint(s)) addFree(out, findPercents(text, start, end), blocked);
  if (powerHint(s)) addFree(out, findPower(text, start, end), blocked);
  if (words) addFree(out, findMultiples(text, start, end), blocked);
  addFree(out, findCounts(text, start, end), blocked);
  return out.length > 1 ? out.sort((a, b) => a.start - b.start || a.end - b.end) : out;
}
