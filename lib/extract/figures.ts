// All figures of one sentence, in text order, with no overlaps and nothing taken from URLs.
// Priority on overlap: dates, money, percentages, power, multiples, counts.

import { findDates, type RefInput } from "./dates";
import { CURRENCY_CODES, findMoney } from "./money";
import { findMultiples } from "./multiples";
import { findPercents } from "./percent";
import { findCounts, findPower } from "./quantities";
import type { Figure } from "./types";

const URL_RE = /\bhttps?:\/\/[^\s)"”>\]]+|\bwww\.[^\s)"”>\]]+|[\w.+-]+@[\w-]+\.[\w.]+/g;

const URL_HINT = /http|www\.|@/;
const NONE: Figure[] = [];
const RELATIVE_MONTH_HINT = /\b(?:last|next)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
// Each hint is one alternation split in parts tried in turn (a text matches an alternation
// exactly when it matches one of its parts): the short common parts first, which is faster.
const MONTH_ABBR_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const PERIOD_HINT = /Q[1-4]|[Qq]uarter|\d-\d\d-\d|month|half|H[12]/;
const dateHint = (s: string): boolean => MONTH_ABBR_HINT.test(s) || PERIOD_HINT.test(s);
const CURRENCY_SIGN_HINT = /[$€£¥₹₩¢]/;
const CURRENCY_WORD_HINT = /dollar|euro|pound|yen|yuan|renminbi|rupee|kron|crown|korun|pence|cent|\dp\b/;
const CURRENCY_CODE_HINT = new RegExp(CURRENCY_CODES);
const moneyHint = (s: string): boolean => CURRENCY_SIGN_HINT.test(s) || CURRENCY_WORD_HINT.test(s) || CURRENCY_CODE_HINT.test(s);
const PERCENT_HINT = /%|percent|per cent|pct/;
/** Every power unit has a capital W ("GW", "kWh") or spells "watt" (in any case). */
const POWER_HINT = /W|[wW][aA][tT][tT]/;

export function findFigures(text: string, start: number, end: number, ref: RefInput): Figure[] {
  const s = text.slice(start, end);
  const digits = /\d/.test(s);
  const words = /doubl|tripl|quadrupl|twice|fold\b|times\b/i.test(s);
  // "last March" is the one figure that needs no digit and no multiple.
  const relativeMonth = !digits && (s.includes("last ") || s.includes("next ")) && RELATIVE_MONTH_HINT.test(s);
  if (!digits && !words && !relativeMonth) return [];
  // URLs only matter once there may be a figure to block.
  const blocked: Array<[number, number]> = [];
  if (URL_HINT.test(s)) {
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = URL_RE.exec(s)) !== null) blocked.push([start + m.index, start + m.index + m[0].length]);
  }
  if (!digits && !relativeMonth) return findMultiples(text, start, end).filter((f) => !blocked.some(([a, b]) => f.start < b && a < f.end));

  const out: Figure[] = [];
  const free = (f: Figure): boolean =>
    !blocked.some(([a, b]) => f.start < b && a < f.end) && !out.some((g) => f.start < g.end && g.start < f.end);
  // Cheap tests first: most sentences have no currency, no "%", no month name.
  const groups = [
    dateHint(s) ? findDates(text, start, end, ref) : NONE,
    moneyHint(s) ? findMoney(text, start, end) : NONE,
    PERCENT_HINT.test(s) ? findPercents(text, start, end) : NONE,
    POWER_HINT.test(s) ? findPower(text, start, end) : NONE,
    words ? findMultiples(text, start, end) : NONE,
    findCounts(text, start, end),
  ];
  for (const group of groups) for (const f of group) if (free(f)) out.push(f);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
