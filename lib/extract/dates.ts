// Dates: "February 27, 2026", "Feb. 27", "March 31st 2026", "27 February 2026", "March 2026",
// "mid-February 2026", "2026-02-27", "the 27th of last month", "last March". A date without a year takes
// the year that puts it closest to the reference date (the article's publication date).

import { inTextOrder } from "./figure-order";
import { numbered } from "./numbered";
import type { Figure } from "./types";
import { newFigure } from "./figure-shape";

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;
const ORD = String.raw`(?:st|nd|rd|th)?`;

// The patterns are written with group names and run with numbered groups (see numbered.ts).
const DAY_MONTH_YEAR = ["mon", "day", "year"] as const;
/** A day's year: written out, or "next year" ("Aug. 19 next year"). */
const DAY_YEAR = String.raw`(?:,?\s+(?:(?<year>(?:19|20)\d\d)|(?<rel>last|this|next)\s+year\b))?`;
const DAY_GROUPS = ["mon", "day", "year", "rel"] as const;
const MDY = numbered(new RegExp(String.raw`\b(?<mon>${MONTH})\.?\s+(?<day>\d{1,2})${ORD}${DAY_YEAR}(?![\p{N}%])(?!\s?(?:percent|billion|million|GW|MW)\b)`, "gu"), DAY_GROUPS);
const DMY = numbered(new RegExp(String.raw`\b(?<day>\d{1,2})${ORD}\s+(?:of\s+)?(?<mon>${MONTH})\.?${DAY_YEAR}\b`, "gu"), DAY_GROUPS);
const DAY_PATTERNS = [MDY, DMY];
const MY = numbered(new RegExp(String.raw`\b(?:(?:early|mid|late)[- ])?(?<mon>${MONTH})\.?,?\s+(?:of\s+)?(?:(?<year>(?:19|20)\d\d)\b|(?<rel>last|this|next)\s+year\b)`, "gu"), ["mon", "year", "rel"]);
const MY_RE = MY.re;
const ISO = numbered(/(?<![\d/.\-])(?<year>(?:19|20)\d\d)-(?<mon>\d\d)-(?<day>\d\d)(?![\d])/gu, DAY_MONTH_YEAR);
const ISO_RE = ISO.re;
const REL_DAY = numbered(/\bthe\s+(?<day>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?<rel>last|this|next)\s+month\b/gu, ["day", "rel"]);
const REL_DAY_RE = REL_DAY.re;
/** "last March", "next October": a month counted from the reference month, never the same one. */
const REL_MONTH = numbered(/\b(?<rel>last|next)\s+(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s,]+\d)/gu, ["rel", "mon"]);
const REL_MONTH_RE = REL_MONTH.re;
const ORDINAL_QUARTER = new Map<string, number>(Object.entries({ first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 }));
// QUARTER and HALF open with a lookahead for what every match starts with (the flags make
// the class take "Q" as "q", "ſ" as "s", as they do the words): tried first, it spares the
// case-insensitive \b and alternatives at almost every other position.
/** "Q4 2026", "Q4 of 2026", "the fourth quarter of 2026", "fourth-quarter 2026", "the first quarter of next year" */
const QUARTER = numbered(
  /(?=[qtfs1-4])\b(?:Q(?<q>[1-4])(?:\s+of)?\s+(?:(?:FY\s?)?(?<y1>(?:19|20)\d\d)|(?<rel1>last|this|next)\s+year)|(?:the\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of)?,?\s+(?:(?<y2>(?:19|20)\d\d)|(?<rel2>last|this|next)\s+year))\b/giu,
  ["q", "y1", "rel1", "ord", "y2", "rel2"],
);
const QUARTER_RE = QUARTER.re;

/** "the second half of 2027", "first-half 2026", "H2 2027", "the first half of next year": six months, as a range of days. */
const HALF = numbered(
  /(?=[tfsh])\b(?:(?:the\s+)?(?<ord>first|second)[- ]half(?:\s+of)?,?\s+|H(?<h>[12])\s+)(?:(?:FY\s?)?(?<y>(?:19|20)\d\d)|(?<rel>last|this|next)\s+year)\b/giu,
  ["ord", "h", "y", "rel"],
);
const HALF_RE = HALF.re;

/**
 * "expected to close in the fourth quarter", "by the second half", "by the end of the first quarter": a quarter or half-year
 * without a year, after a preposition; not "the fourth quarter of 2026" (QUARTER), nor a
 * period's results ("the first-half results").
 */
const YEARLESS_PERIOD = numbered(
  /\b(?:[Ii]n|[Bb]y|[Dd]uring|[Uu]ntil|[Bb]efore|[Ff]or|[Ww]ithin)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?the\s+(?<ord>first|second|third|fourth)[- ](?<unit>quarter|half)\b(?![- ](?:of\b|results|earnings|profits?|revenues?|sales|numbers|figures))(?!,?\s+(?:of\s+)?(?:(?:FY\s?)?(?:19|20)\d\d|(?:last|this|next)\s+year|fiscal))/gu,
  ["ord", "unit"],
);
const YEARLESS_PERIOD_RE = YEARLESS_PERIOD.re;
/** "next month", "last quarter": the month or quarter after or before the reference date's ("this quarter" is mostly a period's figures, not an event). */
// (not a window or a base, "since last month", "over the last month", "the last quarter of 2025")
const RELATIVE_PERIOD = numbered(/(?<!\b(?:since|the|over|in|during|for|of|past)\s)\b(?<rel>[Nn]ext|[Ll]ast)\s+(?<unit>month|quarter)\b(?!['’]s|\s+of\b)/gu, ["rel", "unit"]);
const RELATIVE_PERIOD_RE = RELATIVE_PERIOD.re;
/** "people familiar with the matter said last month", "told Reuters last month": when something was said, not an event. */
const SAID_BEFORE = /\b(?:said|says|told|reported|wrote|added|noted|stated)(?:\s+[\p{L}’'-]+){0,2}\s*$/u;
/** Words that put a yearless period ahead of the reference date rather than behind it. */
// ("to close the deal in the second quarter": a deal still to be done; not "fell 5% to close at a low")
const FUTURE_WORDS = /\b(?:will|would|expect(?:s|ed)?|should|plans?|planned|aims?|targets?|targeted|scheduled|due|set to|on track|intends?|hopes?|to (?:close|complete) (?:the|its|their) (?:deal|transaction|acquisition|purchase|sale|merger|takeover))\b/i;

/** "expected in August", "after buying shares in March": a month after a preposition, with no day and no year. */
const BARE_MONTH = numbered(
  /\b(?:[Ii]n|[Ff]or|[Dd]uring|[Uu]ntil|[Bb]y|[Ss]ince)\s+(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s.]*\d)(?!,?\s+(?:of\s+)?(?:(?:19|20)\d\d|last|this|next)\b)/gu,
  ["mon"],
);
const BARE_MONTH_RE = BARE_MONTH.re;
/** Past acts that a month or a quarter can date ("Construction began in July"); eventdates.ts reads them too. */
export const DATED_ACTS = "began|begun|started|closed|completed|signed|launched|opened|bought|acquired|sold|priced|listed|floated";
/** "Construction began in July": a past act, so the month is behind the reference date. */
const BARE_PAST_BEFORE = new RegExp(String.raw`\b(?:${DATED_ACTS}|was|were|had)\b[^.;,]*$`);
/** "The round, which closed on Friday", "filed for Chapter 11 late on Monday": a weekday that dates a completed (or coming) event. */
const WEEKDAY_EVENT = numbered(
  /\b(?:closed|closes|close|completed|completes|priced|signed|finali[sz]ed|filed)(?:\s+for\s+[\p{L}\p{N} ]{1,30}?)?\s+(?:(?:late|early)\s+)?(?:on|(?<last>last))\s+(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gu,
  ["last", "wd"],
);
const WEEKDAY_EVENT_RE = WEEKDAY_EVENT.re;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const ISO_HINT = /\d-\d\d-\d/;
const QUARTER_HINT = /Q[1-4]|quarter/i;
/** Every quarter and half-year pattern ends in a year or in "last/this/next year". */
const YEAR_HINT = /(?:19|20)\d\d|year/;
/** MY_RE ends in a year or in "last/this/next year". */
const MONTH_YEAR_HINT = YEAR_HINT;
/** A month name as a whole word ("Mar." but not "Market"): every day and month pattern needs one. */
const MONTH_HINT = new RegExp(String.raw`\b${MONTH}\b`);

export type RefDate = { y: number; m: number; d: number };
/** A reference date, or a function that works it out only when a date needs it. */
export type RefInput = RefDate | null | (() => RefDate | null);

export function refFromDate(d: Date | null | undefined): RefDate | null {
  if (!d || Number.isNaN(d.getTime())) return null;
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = daysInMonth(y, m);
  if (d > days) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** new Date(Date.UTC(y, m, 0)).getUTCDate() for month m (1-12), without a Date where the calendar is plain. */
function daysInMonth(y: number, m: number): number {
  // Date.UTC reads years 0-99 as 1900-1999: those (and anything unusual) go through Date.
  if (!Number.isInteger(y) || y < 100 || y > 9999 || !Number.isInteger(m) || m < 1 || m > 12) return new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m !== 2) return MONTH_DAYS[m - 1] as number;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function closestYear(m: number, d: number, ref: RefDate): number {
  const target = dayNumber(ref.y, ref.m, ref.d);
  let best = ref.y;
  let bestGap = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const gap = Math.abs(dayNumber(y, m, d) - target);
    if (gap < bestGap) {
      best = y;
      bestGap = gap;
    }
  }
  return best;
}

/** The month names as the patterns match them ("March", "Sept"): looked up without lowercasing. */
const CAPITALISED_MONTHS = new Map(Object.entries(MONTHS).map(([name, n]) => [name.charAt(0).toUpperCase() + name.slice(1), n]));

function monthOf(raw: string | undefined): number {
  const month = raw === undefined ? undefined : CAPITALISED_MONTHS.get(raw);
  if (month !== undefined) return month;
  const low = (raw ?? "").toLowerCase();
  return MONTHS[low.endsWith(".") ? low.slice(0, -1) : low] ?? 0;
}

/** Whether [start, end) overlaps a date found already. */
function taken(out: readonly Figure[], start: number, end: number): boolean {
  for (const f of out) if (f.start < end && start < f.end) return true;
  return false;
}

/** A day at [from + a, from + b), unless it is not a date or overlaps one found already. */
function pushDay(out: Figure[], from: number, a: number, b: number, value: string | null): void {
  if (!value || taken(out, from + a, from + b)) return;
  const f = newFigure("date", from + a, from + b, value, null, null, "date");
  f.granularity = "day";
  out.push(f);
}

/** A month or a quarter is a range of days: low is its first day, high its last. */
function pushRange(out: Figure[], from: number, a: number, b: number, year: number, m1: number, m2: number, granularity: "month" | "quarter"): void {
  const low = isoDate(year, m1, 1);
  const high = isoDate(year, m2, daysInMonth(year, m2));
  if (!low || !high || taken(out, from + a, from + b)) return;
  const f = newFigure("date", from + a, from + b, null, low, high, "date");
  f.granularity = granularity;
  out.push(f);
}

/** The year that "last year", "this year" or "next year" means, counted from the reference year. */
function relativeYear(rel: string, ref: RefDate): number {
  const r = rel.toLowerCase();
  return ref.y + (r === "last" ? -1 : r === "next" ? 1 : 0);
}

/** "the " before a day or a quarter, left out of its span. */
const LEADING_THE = /^the\s+/;
const LEADING_THE_ANY_CASE = /^the\s+/i;

/**
 * Find dates in [from, to). `ref` resolves missing years and relative expressions. With
 * `daysOnly`, months and quarters are not looked for: they are found after the days and never
 * take a day's place, so the days come out the same. `s` is text.slice(from, to), when the
 * caller has it already.
 */
export function findDates(text: string, from: number, to: number, refInput: RefInput, daysOnly = false, s = text.slice(from, to)): Figure[] {
  const out: Figure[] = [];
  // The reference date, worked out at the first date that needs it. (The helpers above are
  // functions of the module: closures here would be made anew at every call.)
  let ref: RefDate | null | undefined = typeof refInput === "function" ? undefined : refInput;
  let m: RegExpExecArray | null;
  // Each pattern runs only where its hint holds: even an exec that cannot match costs a call.

  if (s.includes("month")) {
    REL_DAY_RE.lastIndex = 0;
    while ((m = REL_DAY_RE.exec(s)) !== null) {
      if (ref === undefined) ref = (refInput as () => RefDate | null)();
      if (!ref) continue;
      const rel = m[REL_DAY.at.rel];
      let y = ref.y;
      let mon = ref.m + (rel === "last" ? -1 : rel === "next" ? 1 : 0);
      if (mon < 1) {
        mon += 12;
        y -= 1;
      } else if (mon > 12) {
        mon -= 12;
        y += 1;
      }
      const lead = LEADING_THE.exec(m[0])?.[0].length ?? 0;
      pushDay(out, from, m.index + lead, m.index + m[0].length, isoDate(y, mon, Number(m[REL_DAY.at.day])));
    }
  }

  if (ISO_HINT.test(s)) {
    ISO_RE.lastIndex = 0;
    while ((m = ISO_RE.exec(s)) !== null) {
      pushDay(out, from, m.index, m.index + m[0].length, isoDate(Number(m[ISO.at.year]), Number(m[ISO.at.mon]), Number(m[ISO.at.day])));
    }
  }

  const months = MONTH_HINT.test(s);
  if (months) {
    for (const { re, at } of DAY_PATTERNS) {
      re.lastIndex = 0;
      while ((m = re.exec(s)) !== null) {
        const mon = monthOf(m[at.mon]);
        const day = Number(m[at.day]);
        // "May 5" is fine; the modal verb "may" is lowercase and never matches.
        const y = m[at.year];
        let year = y ? Number(y) : null;
        if (year === null) {
          if (ref === undefined) ref = (refInput as () => RefDate | null)();
          if (!ref) continue;
          const rel = m[at.rel];
          year = rel === undefined ? closestYear(mon, day, ref) : relativeYear(rel, ref);
        }
        pushDay(out, from, m.index, m.index + m[0].length, isoDate(year, mon, day));
      }
    }
  }
  if (daysOnly) return inTextOrder(out, false);

  if (months && MONTH_YEAR_HINT.test(s)) {
    MY_RE.lastIndex = 0;
    while ((m = MY_RE.exec(s)) !== null) {
      const mon = monthOf(m[MY.at.mon]);
      const y = m[MY.at.year];
      let year: number | null = y ? Number(y) : null;
      if (year === null) {
        if (ref === undefined) ref = (refInput as () => RefDate | null)();
        if (!ref) continue;
        year = relativeYear(m[MY.at.rel] ?? "", ref);
      }
      pushRange(out, from, m.index, m.index + m[0].length, year, mon, mon, "month");
    }
  }

  if (months && (s.includes("last ") || s.includes("next "))) {
    REL_MONTH_RE.lastIndex = 0;
    while ((m = REL_MONTH_RE.exec(s)) !== null) {
      if (ref === undefined) ref = (refInput as () => RefDate | null)();
      if (!ref) continue;
      const mon = monthOf(m[REL_MONTH.at.mon]);
      // The latest such month before the reference month ("last March", said in March, is a year ago), or the first after it.
      const year = m[REL_MONTH.at.rel] === "last" ? (mon < ref.m ? ref.y : ref.y - 1) : mon > ref.m ? ref.y : ref.y + 1;
      pushRange(out, from, m.index, m.index + m[0].length, year, mon, mon, "month");
    }
  }

  if (QUARTER_HINT.test(s) && YEAR_HINT.test(s)) {
    QUARTER_RE.lastIndex = 0;
    while ((m = QUARTER_RE.exec(s)) !== null) {
      const qDigit = m[QUARTER.at.q];
      const q = qDigit ? Number(qDigit) : (ORDINAL_QUARTER.get((m[QUARTER.at.ord] ?? "").toLowerCase()) ?? 0);
      const rel = m[QUARTER.at.rel1] ?? m[QUARTER.at.rel2];
      let year = Number(m[QUARTER.at.y1] ?? m[QUARTER.at.y2]);
      if (rel !== undefined) {
        if (ref === undefined) ref = (refInput as () => RefDate | null)();
        if (!ref) continue;
        year = relativeYear(rel, ref);
      }
      if (!q || !year) continue;
      const lead = LEADING_THE_ANY_CASE.exec(m[0])?.[0].length ?? 0;
      pushRange(out, from, m.index + lead, m.index + m[0].length, year, q * 3 - 2, q * 3, "quarter");
    }
  }

  if (months) {
    BARE_MONTH_RE.lastIndex = 0;
    while ((m = BARE_MONTH_RE.exec(s)) !== null) {
      if (ref === undefined) ref = (refInput as () => RefDate | null)();
      if (!ref) continue;
      const mon = monthOf(m[BARE_MONTH.at.mon]);
      // The month of the reference year, or the next one ahead (said of what is expected) or the last one behind.
      let year = ref.y;
      if (!BARE_PAST_BEFORE.test(s.slice(Math.max(0, m.index - 40), m.index)) && FUTURE_WORDS.test(s.slice(Math.max(0, m.index - 60), m.index))) {
        if (mon < ref.m) year += 1;
      } else if (mon > ref.m) year -= 1;
      const name = m[BARE_MONTH.at.mon] as string;
      const at = m.index + m[0].length - name.length;
      const before = out.length;
      pushRange(out, from, at, at + name.length, year, mon, mon, "month");
      if (out.length > before) (out[out.length - 1] as Figure).bare = true;
    }
  }

  if (s.includes("day")) {
    WEEKDAY_EVENT_RE.lastIndex = 0;
    while ((m = WEEKDAY_EVENT_RE.exec(s)) !== null) {
      if (ref === undefined) ref = (refInput as () => RefDate | null)();
      if (!ref) continue;
      const name = m[WEEKDAY_EVENT.at.wd] as string;
      const refDay = dayNumber(ref.y, ref.m, ref.d);
      const refWeekday = new Date(refDay * 86_400_000).getUTCDay();
      let shift = WEEKDAYS.indexOf(name) - refWeekday;
      const last = m[WEEKDAY_EVENT.at.last] !== undefined;
      // The last such day on or before the reference date; ahead of it when the event is to
      // come; "last Thursday" is the one before the reference date's week day, never that day.
      if (last) {
        if (shift >= 0) shift -= 7;
      } else if (FUTURE_WORDS.test(s.slice(Math.max(0, m.index - 60), m.index))) {
        if (shift < 0) shift += 7;
      } else if (shift > 0) shift -= 7;
      const d = new Date((refDay + shift) * 86_400_000);
      const at = m.index + m[0].length - name.length - (last ? 5 : 0);
      pushDay(out, from, at, m.index + m[0].length, isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    }
  }

  if ((s.includes("quarter") || s.includes("half")) && s.includes("the ")) {
    YEARLESS_PERIOD_RE.lastIndex = 0;
    while ((m = YEARLESS_PERIOD_RE.exec(s)) !== null) {
      const n = ORDINAL_QUARTER.get(m[YEARLESS_PERIOD.at.ord] as string) as number;
      const months = m[YEARLESS_PERIOD.at.unit] === "half" ? 6 : 3;
      if (months === 6 && n > 2) continue;
      if (ref === undefined) ref = (refInput as () => RefDate | null)();
      if (!ref) continue;
      // The period of the reference year, or the next one ahead (said of what is expected) or the last one behind.
      const first = (n - 1) * months + 1;
      let year = ref.y;
      if (!BARE_PAST_BEFORE.test(s.slice(Math.max(0, m.index - 40), m.index)) && FUTURE_WORDS.test(s.slice(Math.max(0, m.index - 60), m.index))) {
        if (first + months - 1 < ref.m) year += 1;
      } else if (first > ref.m) year -= 1;
      const lead = m[0].lastIndexOf("the ") + 4; // ("by the end of the first quarter": the quarter)
      pushRange(out, from, m.index + lead, m.index + m[0].length, year, first, first + months - 1, "quarter");
    }
  }

  if (s.includes("next ") || s.includes("last ")) {
    RELATIVE_PERIOD_RE.lastIndex = 0;
    while ((m = RELATIVE_PERIOD_RE.exec(s)) !== null) {
      if (ref === undefined) ref = (refInput as () => RefDate | null)();
      if (!ref) continue;
      if (SAID_BEFORE.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
      const step = (m[RELATIVE_PERIOD.at.rel] as string).toLowerCase() === "last" ? -1 : 1;
      const quarter = m[RELATIVE_PERIOD.at.unit] === "quarter";
      // months counted from January of year 0, so that a step across a year's end is plain arithmetic
      const months = quarter ? 3 : 1;
      const firstOfRef = quarter ? Math.floor((ref.m - 1) / 3) * 3 : ref.m - 1;
      const first = ref.y * 12 + firstOfRef + step * months;
      const year = Math.floor(first / 12);
      const m1 = (first % 12) + 1;
      pushRange(out, from, m.index, m.index + m[0].length, year, m1, m1 + months - 1, quarter ? "quarter" : "month");
    }
  }

  if ((s.includes("half") || s.includes("H1") || s.includes("H2")) && YEAR_HINT.test(s)) {
    HALF_RE.lastIndex = 0;
    while ((m = HALF_RE.exec(s)) !== null) {
      const h = m[HALF.at.h];
      const half = h ? Number(h) : m[HALF.at.ord]?.toLowerCase() === "first" ? 1 : 2;
      const rel = m[HALF.at.rel];
      let year = Number(m[HALF.at.y]);
      if (rel !== undefined) {
        if (ref === undefined) ref = (refInput as () => RefDate | null)();
        if (!ref) continue;
        year = relativeYear(rel, ref);
      }
      const lead = LEADING_THE_ANY_CASE.exec(m[0])?.[0].length ?? 0;
      // Like a quarter, a half-year is claimed only next to the event it dates.
      pushRange(out, from, m.index + lead, m.index + m[0].length, year, half * 6 - 5, half * 6, "quarter");
    }
  }
  return inTextOrder(out, false);
}
