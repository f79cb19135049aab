// Physical quantities with units (power capacity in GW/MW) and counts ("1.6 million",
// "400,000+ GPUs", "12,000 employees"). Bare years and plain small numbers are ignored.

import { compareDecimal, scaleDecimal, normalizeDecimal } from "./decimal";
import { numbered } from "./numbered";
import { NUM, anyCase, scalePow } from "./numbers";
import type { Figure } from "./types";

const POWER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?<n1>${NUM})(?:\s?(?:[-–]|to)\s?(?<n2>${NUM}))?[\s-]?(?<u>GWh|MWh|TWh|kWh|GW|${anyCase("gigawatt")}[- ]hours?|${anyCase("gigawatt")}s?|MW|${anyCase("megawatt")}[- ]hours?|${anyCase("megawatt")}s?|TW|${anyCase("terawatt")}[- ]hours?|${anyCase("terawatt")}s?|kW|${anyCase("kilowatt")}[- ]hours?|${anyCase("kilowatt")}s?)(?![\p{L}])`,
  "gu",
);

const POWER_UNIT = new Map<string, string>(Object.entries({ gw: "GW", gigawatt: "GW", mw: "MW", megawatt: "MW", tw: "TW", terawatt: "TW", kw: "kW", kilowatt: "kW" }));

/** "GWh", "gigawatt-hours" -> "GWh"; "gigawatts" -> "GW". */
function powerUnit(raw: string): string {
  const u = raw.toLowerCase().replace(/s$/, "");
  const hours = /h$|hour$/.test(u);
  const base = POWER_UNIT.get(u.replace(/[- ]?hour$/, "").replace(/(?<=w)h$/, "")) ?? "GW";
  return hours ? `${base}h` : base;
}

/** The figures in [from, to) of text; `s` is text.slice(from, to), when the caller has it already. */
export function findPower(text: string, from: number, to: number, s = text.slice(from, to)): Figure[] {
  const out: Figure[] = [];
  POWER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POWER_RE.exec(s)) !== null) {
    const g = m.groups ?? {};
    const unit = powerUnit(g.u ?? "GW");
    const start = from + m.index;
    const end = start + m[0].length;
    const v1 = normalizeDecimal(g.n1 ?? "0");
    if (g.n2 !== undefined) {
      const v2 = normalizeDecimal(g.n2);
      if (compareDecimal(v1, v2) < 0) {
        out.push({ kind: "power", start, end, value: null, low: v1, high: v2, unit });
        continue;
      }
    }
    out.push({ kind: "power", start, end, value: v1, low: null, high: null, unit });
  }
  return out;
}

const COUNT = numbered(new RegExp(
  String.raw`(?<![\p{L}\p{N}.,$€£¥₹\-/#])(?<n1>${NUM})(?<s1>\s(?:${["trillion", "billion", "million", "thousand"].map(anyCase).join("|")})\b|(?:bn|mn|[kKmM])(?![\p{L}\p{N}]))?(?<plus>\+)?(?![\p{N}]|[.,]\d|%|\s?(?:percent|per cent)\b|-(?:year|month|week|day|hour|minute|second)|\s(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|x)\b|[-/:]\d|\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|JST|HKT|SGT|AEST|AEDT|[ap]\.?m\.?)(?![\p{L}]))`,
  "gu",
), ["n1", "s1", "plus"]);
const COUNT_RE = COUNT.re;
const C = COUNT.at;

/** Nouns that make even a small number worth a claim ("250 employees"). */
export const COUNT_NOUN =
  /^\+?\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(?:users|subscribers|customers|members|accounts|downloads|developers|employees|staff|workers|people|jobs|positions|engineers|researchers|GPUs|chips|accelerators|processors|servers|stores|vehicles|cars|units|shares|clients|businesses|companies|enterprises|hospitals|schools|homes|households|premises|patients|passengers|visitors|viewers|readers|listeners|players|devices|phones|robots|sites|locations|branches|restaurants|outlets|factories|plants|containers|vessels|ships|tankers|aircraft|planes|jets|flights|trucks|copies|titles|hires|roles|seats|rooms|beds|apartments|stations|wells|mines|orders)\b/u;

// The two tests below look at the characters after a number to rule out MASS_AFTER and
// COUNT_NOUN there without a regex call (and, for the noun, a slice). Anything below "!" or
// beyond "~" may be a space to \s; printable ASCII other than " " never is.
const mayBeSpace = (c: number): boolean => c <= 32 || c >= 127;

/** MASS_AFTER begins with an optional space, then "metric" or "tonnes"/"tons". */
function mayStartMass(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 109 || c === 116) return true; // "m", "t"
  const next = s.charCodeAt(i + 1);
  return mayBeSpace(c) && (next === 109 || next === 116);
}

/** COUNT_NOUN begins with an optional "+", then a space. */
function mayStartCountNoun(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return mayBeSpace(c === 43 ? s.charCodeAt(i + 1) : c);
}

const MASS_AFTER = /\s?(?:metric\s+)?(?:tonnes|tons)\b/y;

/** The figures in [from, to) of text; `s` is text.slice(from, to), when the caller has it already. */
export function findCounts(text: string, from: number, to: number, s = text.slice(from, to)): Figure[] {
  const out: Figure[] = [];
  COUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COUNT_RE.exec(s)) !== null) {
    const raw = m[C.n1] ?? "0";
    const s1 = m[C.s1];
    const scaled = !!s1;
    const grouped = raw.includes(",");
    const plain = grouped ? raw.replace(/,/g, "") : raw;
    // four digits (no group, no point) that start with 19 or 20: /^(?:19|20)\d\d$/
    const isYear = !grouped && plain.length === 4 && !raw.includes(".") && (plain.startsWith("19") || plain.startsWith("20"));
    const big = !raw.includes(".") && plain.length >= 4 && !isYear;
    // "260,000 tonnes", "1.2 million tons": a mass, quoted with its unit.
    const after = m.index + m[0].length;
    MASS_AFTER.lastIndex = after;
    const mass = mayStartMass(s, after) ? MASS_AFTER.exec(s) : null;
    if (mass) {
      const start = from + m.index;
      out.push({ kind: "count", start, end: start + m[0].length + mass[0].length, value: scaleDecimal(raw, scalePow(s1)), low: null, high: null, unit: "tonnes" });
      COUNT_RE.lastIndex = m.index + m[0].length + mass[0].length;
      continue;
    }
    // The noun after the number is looked at only where it decides.
    if (isYear || !(scaled || grouped || big)) {
      const nounFollows = mayStartCountNoun(s, after) && COUNT_NOUN.test(s.slice(after, after + 60));
      if (isYear && !nounFollows) continue;
      if (!(scaled || grouped || big || (nounFollows && plain.length >= 2))) continue;
    }
    const pow = scalePow(s1);
    const start = from + m.index;
    out.push({ kind: "count", start, end: start + m[0].length, value: scaleDecimal(raw, pow), low: null, high: null, unit: "count" });
  }
  return out;
}
