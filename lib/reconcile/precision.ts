// What a figure can mean, given how it was written. "$122 billion" is any amount that rounds
// to it (121.5–122.5 billion); "$1.4 trillion" ±0.05 trillion; "$100B+" at least 100 billion;
// "up to $4 billion" at most 4 billion; "roughly $3 billion" at least ±5% around 3 billion. Two
// claims agree when what they can mean overlaps, give or take the workspace tolerance.

import { dateSpan, datePrecision, dayToIso, type DatePrecision } from "./dates";
import {
  decAbs, decAdd, decCmp, decFromNumber, decHalf, decMax, decMul, decSub, decToString, decTrim, parseDec, pow10, sameDecimal, ZERO, type Dec,
} from "./decimal";
import { withDefaults, type ReconcileSettings, type SettingsInput } from "./settings";
import type { ClaimValue } from "./types";

/** Everything precision can be read from; a bare ClaimValue is taken as exact. */
export type PrecisionInput = ClaimValue & { valueText?: string | null; modality?: string | null; quote?: string | null };

export type StatedKind = "exact" | "rounded" | "approximate" | "at_least" | "at_most" | "range" | "unknown";

/** A figure's stated precision, for display ("±0.5 billion") and for agreement. */
export type StatedRange = {
  unit: string;
  kind: StatedKind;
  /** Lowest / highest value the statement allows (decimal or ISO date); null = unbounded. */
  low: string | null;
  high: string | null;
  /** The rounding step the writing implies ("1000000000" for "$122 billion"), null when exact. */
  step: string | null;
  approximate: boolean;
  /** Dates only. */
  datePrecision?: DatePrecision;
};

/** Internal, exact form. Dates become day numbers so one interval logic serves both. */
export type Stated = {
  unit: string;
  kind: StatedKind;
  isDate: boolean;
  /** Unparseable or missing value: compared exactly, never by interval. */
  opaque: boolean;
  lo: Dec | null;
  hi: Dec | null;
  /** A bound reached by rounding is open: "$3 billion" is [2.5, 3.5) billion, so it never meets "$4 billion". */
  loOpen: boolean;
  hiOpen: boolean;
  /** lo / hi as floats (±Infinity when unbounded), only to rule out agreement fast. */
  flo: number;
  fhi: number;
  /** The written figure(s), used as an anchor for distances and rounding tests. */
  point: Dec | null;
  step: Dec | null;
  /** Point values only: how coarsely the figure may have been rounded (power of ten). */
  loose: number | null;
  approximate: boolean;
  datePrecision?: DatePrecision;
  source: ClaimValue;
  key: string;
};

const SCALE: Record<string, number> = {
  thousand: 3, k: 3, million: 6, mn: 6, mln: 6, m: 6, billion: 9, bn: 9, bln: 9, b: 9, trillion: 12, tn: 12, tr: 12, t: 12,
};
const NUMBER_RE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(thousand|million|billion|trillion|bln|mln|bn|mn|tn|tr|k|m|b|t)(?![a-z]))?/gi;

type Token = { digits: string; fraction: string; scale: number | null };

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const scaleWord = m[3]?.toLowerCase();
    out.push({ digits: (m[1] ?? "0").replaceAll(",", ""), fraction: m[2] ?? "", scale: scaleWord ? (SCALE[scaleWord] ?? null) : null });
  }
  return out;
}

/** A written figure's precision as powers of ten: `step` as written, `loose` if its trailing zeros were rounding too. */
export type WrittenPrecision = { step: number; loose: number };

/**
 * The rounding step with which `text` writes `target`: "$122 billion" writes 122000000000 to
 * the nearest 10^9, "$1.4 trillion" to 10^11, "$750-830 billion" writes 750000000000 to 10^9
 * (the scale carries over from the range's end). "$120B" is 10^9 as written and 10^10 loosely.
 * Null when the text does not write it.
 */
export function writtenPrecision(text: string, target: Dec): WrittenPrecision | null {
  const list = tokens(text);
  const want = decAbs(target);
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as Token;
    const base = parseDec(t.fraction ? `${t.digits}.${t.fraction}` : t.digits);
    if (!base) continue;
    const scales = t.scale != null ? [t.scale] : [list[i + 1]?.scale ?? null, 0].filter((s): s is number => s != null);
    for (const k of scales) {
      if (decCmp(decMul(base, pow10(k)), want) !== 0) continue;
      const step = k - t.fraction.length;
      const zeros = t.fraction ? 0 : (/0*$/.exec(t.digits)?.[0].length ?? 0);
      return { step, loose: t.digits.replace(/^0+/, "") === "" ? step : step + Math.min(zeros, t.digits.length - 1) };
    }
  }
  return null;
}

/** The rounding step as a decimal (see writtenPrecision). */
export function writtenStep(text: string, target: Dec): Dec | null {
  const p = writtenPrecision(text, target);
  return p ? pow10(p.step) : null;
}

/** Precision of a bare decimal: "120000000000" could be rounded to 10^10; "8.88" is to 10^-2. */
function barePrecision(d: Dec): WrittenPrecision {
  const t = decTrim(d);
  if (t.e > 0) return { step: -t.e, loose: -t.e };
  const digits = (t.n < 0n ? -t.n : t.n).toString();
  const zeros = digits === "0" ? 0 : digits.length - digits.replace(/0+$/, "").length;
  return { step: 0, loose: zeros };
}

/** d rounded half away from zero to a multiple of 10^k. */
export function roundToPow10(d: Dec, k: number): Dec {
  const shift = d.e + k;
  if (shift <= 0) return d;
  const div = 10n ** BigInt(shift);
  let q = d.n / div;
  const r = d.n % div;
  if (2n * (r < 0n ? -r : r) >= div) q += d.n < 0n ? -1n : 1n;
  return decMul({ n: q, e: 0 }, pow10(k));
}

const CURRENCY_TAIL = /(?:(?:US|U\.S\.|A|AU|C|CA|HK|NZ|S|R)?[$€£¥₹₩]|\b(?:USD|EUR|GBP|JPY|CNY|CHF)\b)\s*$/i;
const APPROX_END = /(?:~|≈|\b(?:about|around|approximately|approx\.?|roughly|some|circa|ca\.|close to|nearly|almost|an estimated|estimated|more or less|in the region of|on the order of))\s*$/i;
const LOWER_END = /\b(?:more than|over|at least|upwards of|in excess of|north of|exceeding|exceeds?|exceeded|above|surpass(?:ed|es|ing)?|top(?:ped|s|ping)?|beyond|a minimum of|no less than)\s*$/i;
const UPPER_END = /\b(?:up to|as much as|as many as|at most|no more than|less than|under|below|nearly|almost|just shy of|shy of|a maximum of|not exceeding)\s*$/i;
const LOWER_AFTER = /^\s*(?:\+|or more\b|plus\b|and up\b|or higher\b|and above\b)/i;
const UPPER_AFTER = /^\s*(?:or less\b|or fewer\b|at most\b|or under\b|max(?:imum)?\b)/i;
const APPROX_AFTER = /^\s*(?:or so\b|-?ish\b|give or take\b)/i;

type Cues = { approximate: boolean; lower: boolean; upper: boolean };

/** Words around the figure (in valueText and, when given, in the quote) that loosen or bound it. */
/** The quote's words just before and after the figure as written ("" when not found). */
function quoteWindow(v: PrecisionInput): [string, string] {
  const text = v.valueText;
  if (!v.quote || !text) return ["", ""];
  const at = v.quote.indexOf(text);
  return at < 0 ? ["", ""] : [v.quote.slice(Math.max(0, at - 32), at), v.quote.slice(at + text.length, at + text.length + 24)];
}

function cues(v: PrecisionInput, quoteBefore: string, quoteAfter: string): Cues {
  const text = v.valueText ?? "";
  const firstDigit = text.search(/\d/);
  let before = firstDigit >= 0 ? text.slice(0, firstDigit) : "";
  let after = firstDigit >= 0 ? text.slice(firstDigit).replace(/^[\d.,\s]*(?:[a-z]+)?/i, "") : "";
  if (quoteBefore) before = `${quoteBefore} ${before}`;
  if (quoteAfter) after = `${after} ${quoteAfter}`;
  before = before.replace(CURRENCY_TAIL, "").trimEnd();
  const modality = v.modality ?? null;
  const lower = LOWER_END.test(before) || LOWER_AFTER.test(after);
  const upper = UPPER_END.test(before) || UPPER_AFTER.test(after) || modality === "up_to";
  const approximate = APPROX_END.test(before) || APPROX_AFTER.test(after) || modality === "approximately" || modality === "estimate";
  return { approximate, lower, upper };
}

const precisionOf = (text: string | null | undefined, d: Dec): WrittenPrecision | null => (text ? writtenPrecision(text, d) : null);
const stepOf = (text: string | null | undefined, d: Dec): Dec | null => {
  const p = precisionOf(text, d);
  return p ? pow10(p.step) : null;
};

function opaque(v: ClaimValue, isDate: boolean): Stated {
  return {
    unit: v.unit, kind: "unknown", isDate, opaque: true, lo: null, hi: null, loOpen: false, hiOpen: false, flo: -Infinity, fhi: Infinity, point: null, step: null, loose: null, approximate: false, source: v,
    key: `${v.unit}|opaque|${v.value ?? ""}|${v.low ?? ""}|${v.high ?? ""}`,
  };
}

const toFloat = (d: Dec): number => Number(d.n) / 10 ** d.e;

/** Completes a statement; a bound is open when it lies beyond the figure actually written (its anchor). */
function finish(s: Omit<Stated, "key" | "loOpen" | "hiOpen" | "flo" | "fhi">, loAnchor: Dec | null = s.lo, hiAnchor: Dec | null = s.hi): Stated {
  // Decimals are kept trimmed (see decimal.ts), so n/e is canonical and cheap to print.
  const str = (d: Dec | null) => (d ? `${d.n}e-${d.e}` : "*");
  const loOpen = !!(s.lo && loAnchor && decCmp(s.lo, loAnchor) !== 0);
  const hiOpen = !!(s.hi && hiAnchor && decCmp(s.hi, hiAnchor) !== 0);
  return {
    ...s, loOpen, hiOpen, flo: s.lo ? toFloat(s.lo) : -Infinity, fhi: s.hi ? toFloat(s.hi) : Infinity,
    key: `${s.unit}|${loOpen ? "(" : "["}${str(s.lo)}|${str(s.hi)}${hiOpen ? ")" : "]"}`,
  };
}

function dateStated(v: PrecisionInput): Stated {
  const precision = datePrecision(v.valueText);
  const spanOf = (iso: string | null) => (iso ? dateSpan(iso.slice(0, 10), iso === v.value ? precision : "day") : null);
  const base = { unit: v.unit, isDate: true, opaque: false, step: null, loose: null, approximate: false, source: v, datePrecision: precision } as const;
  const day = (n: number): Dec => ({ n: BigInt(n), e: 0 });
  if (v.value != null) {
    const span = spanOf(v.value);
    if (!span) return opaque(v, true);
    return finish({ ...base, kind: precision === "day" ? "exact" : "rounded", lo: day(span[0]), hi: day(span[1]), point: day(span[0]) });
  }
  const lo = v.low != null ? spanOf(v.low) : null;
  const hi = v.high != null ? spanOf(v.high) : null;
  if ((v.low != null && !lo) || (v.high != null && !hi) || (!lo && !hi)) return opaque(v, true);
  const kind: StatedKind = lo && hi ? "range" : lo ? "at_least" : "at_most";
  return finish({ ...base, kind, lo: lo ? day(lo[0]) : null, hi: hi ? day(hi[1]) : null, point: lo ? day(lo[0]) : hi ? day(hi[1]) : null });
}

/**
 * Parses a claim's value into what it can mean. Pure. A memo (one per call) shares the work
 * between claims that write the same figure the same way, as a fact's claims often do.
 */
export function stated(v: PrecisionInput, settings: ReconcileSettings, memo?: Map<string, Stated>): Stated {
  if (!memo) return parse(v, settings);
  const [before, after] = quoteWindow(v);
  const key = [v.unit, v.value, v.low, v.high, v.valueText, v.modality, settings.approximateTolerance, before, after].join("\u0001");
  let s = memo.get(key);
  if (!s) {
    s = parse(v, settings, before, after);
    memo.set(key, s);
  }
  return s;
}

function parse(v: PrecisionInput, settings: ReconcileSettings, quoteBefore?: string, quoteAfter?: string): Stated {
  if (v.unit === "date") return dateStated(v);
  if (v.value == null && v.low == null && v.high == null) {
    return { ...opaque(v, false), key: `${v.unit}|empty` };
  }
  const value = parseDec(v.value);
  const low = parseDec(v.low);
  const high = parseDec(v.high);
  if ((v.value != null && !value) || (v.low != null && !low) || (v.high != null && !high)) return opaque(v, false);
  const [before, after] = quoteBefore === undefined || quoteAfter === undefined ? quoteWindow(v) : [quoteBefore, quoteAfter];
  const c = cues(v, before, after);
  const approxRel = asDec(settings.approximateTolerance);
  const widen = (d: Dec, step: Dec | null): Dec => {
    const half = step ? decHalf(step) : ZERO;
    return c.approximate ? decMax(half, decMul(approxRel, decAbs(d))) : half;
  };
  const base = { unit: v.unit, isDate: false, opaque: false, approximate: c.approximate, source: v } as const;

  if (value) {
    const written = precisionOf(v.valueText, value);
    const step = written ? pow10(written.step) : null;
    const loose = (written ?? barePrecision(value)).loose;
    const w = widen(value, step);
    // "$100B+" is at least 100 billion; "up to $4 billion" at most 4; "nearly $3 billion" just under 3.
    if (c.lower && !c.upper) return finish({ ...base, kind: "at_least", lo: c.approximate ? decSub(value, w) : value, hi: null, point: value, step, loose }, value, value);
    if (c.upper && !c.lower) return finish({ ...base, kind: "at_most", lo: c.approximate ? decSub(value, w) : null, hi: value, point: value, step, loose }, value, value);
    const kind: StatedKind = c.approximate ? "approximate" : step ? "rounded" : "exact";
    return finish({ ...base, kind, lo: decSub(value, w), hi: decAdd(value, w), point: value, step, loose }, value, value);
  }
  const lowStep = low ? stepOf(v.valueText, low) : null;
  const highStep = high ? stepOf(v.valueText, high) : null;
  const lo = low ? decSub(low, widen(low, lowStep)) : null;
  const hi = high ? decAdd(high, widen(high, highStep)) : null;
  const kind: StatedKind = low && high ? "range" : low ? "at_least" : "at_most";
  return finish({ ...base, kind, lo, hi, point: low ?? high, step: lowStep ?? highStep, loose: null }, low, high);
}

/** An interval with open/closed ends; null = unbounded. Statements and sums of them are Bounds. */
export type Bounds = { lo: Dec | null; hi: Dec | null; loOpen: boolean; hiOpen: boolean };

/** How far apart two intervals are: 0 when they overlap or touch. */
export function boundsGap(a: Bounds, b: Bounds): Dec {
  let gap = ZERO;
  if (a.lo && b.hi) gap = decMax(gap, decSub(a.lo, b.hi));
  if (b.lo && a.hi) gap = decMax(gap, decSub(b.lo, a.hi));
  return gap;
}

/** Do they share at least one value? Touching counts only where both touching ends are closed. */
export function boundsOverlap(a: Bounds, b: Bounds): boolean {
  const meets = (lo: Dec | null, loOpen: boolean, hi: Dec | null, hiOpen: boolean): boolean => {
    if (!lo || !hi) return true;
    const c = decCmp(lo, hi);
    return c < 0 || (c === 0 && !loOpen && !hiOpen);
  };
  return meets(a.lo, a.loOpen, b.hi, b.hiOpen) && meets(b.lo, b.loOpen, a.hi, a.hiOpen);
}

/** How far apart two statements are: 0 when they overlap or touch. Null when either is opaque. */
export function gapBetween(a: Stated, b: Stated): Dec | null {
  return a.opaque || b.opaque ? null : boundsGap(a, b);
}

/** The largest finite magnitude any of them reaches: what a relative tolerance is relative to. */
export function magnitude(...all: (Bounds & { point?: Dec | null })[]): Dec {
  let m = ZERO;
  for (const s of all) for (const d of [s.lo, s.hi, s.point ?? null]) if (d) m = decMax(m, decAbs(d));
  return m;
}

/** A relative tolerance, exact and as a float (for the fast pre-check). */
export type Tolerance = { dec: Dec; num: number };

const isPlainPoint = (s: Stated) => !s.isDate && (s.kind === "exact" || s.kind === "rounded") && s.point != null;

/** The statement written with the smaller rounding step first (an exact figure is finest). */
function finerFirst(a: Stated, b: Stated): [Stated, Stated] {
  if (!a.step) return [a, b];
  if (!b.step) return [b, a];
  return decCmp(a.step, b.step) <= 0 ? [a, b] : [b, a];
}

/** Agreement between two parsed statements under a relative tolerance (dates: no tolerance). */
export function statedAgree(a: Stated, b: Stated, tolerance: Tolerance): boolean {
  if (a.unit !== b.unit) return false;
  if (a.opaque || b.opaque) {
    if (!(a.opaque && b.opaque)) return false;
    const eq = (x: string | null, y: string | null) => x === y || (parseDec(x) != null && parseDec(y) != null && sameDecimal(x, y));
    return eq(a.source.value, b.source.value) && eq(a.source.low, b.source.low) && eq(a.source.high, b.source.high);
  }
  // Fast path: clearly apart even with generous float slack, so no exact arithmetic needed.
  const gapF = Math.max(a.flo - b.fhi, b.flo - a.fhi);
  if (gapF > 0) {
    if (a.isDate || tolerance.num === 0) return false;
    const big = Math.max(...[a.flo, a.fhi, b.flo, b.fhi].filter(Number.isFinite).map(Math.abs), 0);
    if (gapF > tolerance.num * big + 1e-6 * Math.max(1, big)) return false;
  }
  // Two plainly written figures ("$2 billion", "$2.5 billion") agree when the finer one rounds
  // to the coarser, not merely when their rounding intervals touch: $2.5B is not "$2 billion".
  if (isPlainPoint(a) && isPlainPoint(b)) {
    const [fine, coarse] = finerFirst(a, b);
    if (fine.point && boundsOverlap({ lo: fine.point, hi: fine.point, loOpen: false, hiOpen: false }, coarse)) return true;
  } else if (boundsOverlap(a, b)) return true;
  if (a.isDate || tolerance.dec.n === 0n) return false;
  const gap = gapBetween(a, b) ?? ZERO;
  return decCmp(gap, decMul(tolerance.dec, magnitude(a, b))) <= 0;
}

const decCache = new Map<number, Dec>();
/** A setting as an exact decimal (memoized: settings are few, statements many). */
function asDec(x: number): Dec {
  let d = decCache.get(x);
  if (!d) {
    d = decFromNumber(x) ?? ZERO;
    if (decCache.size < 64) decCache.set(x, d);
  }
  return d;
}

/** The workspace tolerance setting, ready for statedAgree. */
export const toleranceOf = (s: ReconcileSettings): Tolerance => ({ dec: asDec(s.tolerance), num: s.tolerance });

/**
 * Do two values say the same thing, given how precisely each was written and the workspace
 * tolerance? Exact values (no valueText) with tolerance 0 compare exactly, as before; ranges
 * agree when they overlap; dates agree when equal, or when one names the month (or quarter,
 * or year) the other falls in.
 */
export function valuesAgree(a: PrecisionInput, b: PrecisionInput, settings?: SettingsInput): boolean {
  const s = withDefaults(settings);
  return statedAgree(stated(a, s), stated(b, s), toleranceOf(s));
}

/** What a value can mean, for display: "$122 billion" → 121.5–122.5 billion, rounded to 1 billion. */
export function statedRange(v: PrecisionInput, settings?: SettingsInput): StatedRange {
  const s = stated(v, withDefaults(settings));
  const show = (d: Dec | null) => (d == null ? null : s.isDate ? dayToIso(Number(d.n)) : decToString(d));
  if (s.opaque) return { unit: s.unit, kind: "unknown", low: v.low ?? v.value, high: v.high ?? v.value, step: null, approximate: false };
  return {
    unit: s.unit, kind: s.kind, low: show(s.lo), high: show(s.hi), step: s.step ? decToString(s.step) : null, approximate: s.approximate,
    ...(s.isDate ? { datePrecision: s.datePrecision } : {}),
  };
}
