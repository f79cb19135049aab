// Physical quantities with units (power capacity in GW/MW) and counts ("1.6 million",
// "400,000+ GPUs", "12,000 employees"). Bare years and plain small numbers are ignored.

import { isRegexWordCode, isSpaceCode } from "./context";
import { compareDecimal, scaleDecimal, normalizeDecimal } from "./decimal";
import { numbered } from "./numbered";
import { NUM, anyCase, scalePow } from "./numbers";
import { joinRanges } from "./figure-ranges";
import type { Figure } from "./types";
import { newFigure } from "./figure-shape";

const POWER = numbered(new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?<n1>${NUM})(?:\s?(?:[-–]|to)\s?(?<n2>${NUM}))?[\s-]?(?<u>GWh|MWh|TWh|kWh|GWp|MWp|kWp|GW|${anyCase("gigawatt")}[- ]hours?|${anyCase("gigawatt")}s?|MW|${anyCase("megawatt")}[- ]hours?|${anyCase("megawatt")}s?|TW|${anyCase("terawatt")}[- ]hours?|${anyCase("terawatt")}s?|kW|${anyCase("kilowatt")}[- ]hours?|${anyCase("kilowatt")}s?)(?![\p{L}])`,
  "gu",
), ["n1", "n2", "u"]);
const POWER_RE = POWER.re;

const POWER_UNIT = new Map<string, string>(Object.entries({ gw: "GW", gigawatt: "GW", mw: "MW", megawatt: "MW", tw: "TW", terawatt: "TW", kw: "kW", kilowatt: "kW" }));

/** "GWh", "gigawatt-hours" -> "GWh"; "gigawatts" -> "GW"; "MWp" (a solar farm's peak power) stays "MWp". */
function powerUnit(raw: string): string {
  if (raw.endsWith("Wp")) return raw;
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
    const n2 = m[POWER.at.n2];
    const unit = powerUnit(m[POWER.at.u] ?? "GW");
    const start = from + m.index;
    const end = start + m[0].length;
    const v1 = normalizeDecimal(m[POWER.at.n1] ?? "0");
    if (n2 !== undefined) {
      const v2 = normalizeDecimal(n2);
      if (compareDecimal(v1, v2) < 0) {
        out.push(newFigure("power", start, end, null, v1, v2, unit));
        continue;
      }
    }
    // "between 30 and 35 GWh": the unit is written once, after the second number.
    const windowStart = Math.max(0, m.index - 40);
    const joined = m.index >= 12 ? BETWEEN_NUMBER_AND.exec(s.slice(windowStart, m.index)) : null;
    if (joined) {
      const lowStart = from + windowStart + joined.index + joined[0].indexOf(joined[1] ?? "");
      const low = normalizeDecimal(joined[1] ?? "0");
      if (compareDecimal(low, v1) < 0 && !out.some((f) => f.end > lowStart)) {
        out.push(newFigure("power", lowStart, end, null, low, v1, unit));
        continue;
      }
    }
    out.push(newFigure("power", start, end, v1, null, null, unit));
  }
  return out;
}

/** The words before a quantity that make it the end of a range: "between 30 and ". */
const BETWEEN_NUMBER_AND = new RegExp(String.raw`\bbetween\s+(${NUM})\s+and\s+$`, "i");

const COUNT = numbered(new RegExp(
  String.raw`(?<![\p{L}\p{N}.,$€£¥₹\-/#])(?<n1>${NUM})(?<s1>\s(?:${["trillion", "billion", "million", "thousand", "crore", "lakh"].map(anyCase).join("|")})\b|(?:bn|mn|[kKmM])(?![\p{L}\p{N}]))?(?<plus>\+)?(?![\p{N}]|[.,]\d|%|\s?(?:percent|per cent)\b|-(?:year|month|week|day|hour|minute|second)|\s(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|x)\b|[-/:]\d|\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|JST|HKT|SGT|AEST|AEDT|[ap]\.?m\.?)(?![\p{L}]))`,
  "gu",
), ["n1", "s1", "plus"]);
const COUNT_RE = COUNT.re;
const C = COUNT.at;

/** Nouns that make even a small number worth a claim ("250 employees"). */
const COUNT_NOUNS = [
  "users", "subscribers", "customers", "members", "accounts", "downloads", "developers",
  "employees", "staff", "workers", "people", "jobs", "positions", "engineers", "researchers",
  "GPUs", "chips", "accelerators", "processors", "servers", "stores", "vehicles", "cars", "units",
  "shares", "clients", "businesses", "companies", "enterprises", "hospitals", "schools", "homes",
  "households", "premises", "patients", "passengers", "visitors", "viewers", "readers",
  "listeners", "players", "devices", "phones", "robots", "sites", "locations", "branches",
  "restaurants", "outlets", "factories", "plants", "containers", "vessels", "ships", "tankers",
  "aircraft", "planes", "jets", "flights", "trucks", "copies", "titles", "hires", "roles", "seats",
  "rooms", "beds", "apartments", "stations", "wells", "mines", "orders",
  "matches", "games", "stadiums", "mills", "farms", "hotels", "clubs",
  "teams", "fans", "tickets", "merchants", "sellers", "drivers", "suppliers", "brands", "warehouses",
  "airports", "routes", "towers", "satellites", "cinemas", "screens", "students",
  "launches", "rockets", "missions", "cities", "riders", "couriers", "dealerships", "clinics", "pharmacies",
  "countries", "states", "turbines", "pre-orders", "preorders", "reservations", "closures", "shutdowns",
  "widebodies", "narrowbodies", "airliners", "jetliners", "destinations", "engines", "pilots", "graduates", "trainees",
  "installations", "connections", "subscriptions", "buildings", "properties", "lockers", "terminals", "chargers", "ATMs",
];

/** Whether a noun of COUNT_NOUNS, or a model's plural ("AL-330s", "H100s"), follows the number that ends at `at` in s. */
export function countNounFollows(s: string, at: number): boolean {
  return mayStartCountNoun(s, at) && countNounAt(s, at);
}

/**
 * Whether, after an optional "+" and a space, up to three words of [\p{L}\p{N}-] then a
 * noun of COUNT_NOUNS (followed by \b) or a model's plural start at `at`, within 60
 * characters: a regex with the long list of nouns tried after each word would be costly (the
 * test follows most small numbers). The steps are forced: a word can only end where a space
 * follows, and a noun followed by \b only where the run of ASCII word characters ends.
 */
function countNounAt(s: string, at: number): boolean {
  const end = Math.min(s.length, at + COUNT_NOUN_WINDOW);
  let i = at < end && s.charCodeAt(at) === 43 ? at + 1 : at; // "+"
  let spaces = i;
  while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  if (i === spaces) return false;
  for (let words = 0; ; words++) {
    let run = i;
    while (run < end && isRegexWordCode(s.charCodeAt(run))) run++;
    if (run - i >= SHORTEST_COUNT_NOUN && run - i <= LONGEST_COUNT_NOUN && COUNT_NOUN_SET.has(s.slice(i, run))) return true;
    let k = i;
    for (let n = letterOrDigitLength(s, k, end); n > 0; n = letterOrDigitLength(s, k, end)) k += n;
    if (k === i) return false;
    // (a hyphenated noun, "pre-orders", is a longer word than the run)
    if (k !== run && k - i <= LONGEST_COUNT_NOUN && !isRegexWordCode(s.charCodeAt(k)) && COUNT_NOUN_SET.has(s.slice(i, k))) return true;
    if (isModelPlural(s, i, k)) return true;
    if (words === 3) return false;
    spaces = k;
    while (k < end && isSpaceCode(s.charCodeAt(k))) k++;
    if (k === spaces) return false;
    i = k;
  }
}

/** "AL-330s", "737s", "H100s": a model's plural (a capital or digit first, a digit inside, "s" last), but not a decade ("1990s", "90s"). */
function isModelPlural(s: string, from: number, to: number): boolean {
  if (to - from < 3 || s.charCodeAt(to - 1) !== 115 || isRegexWordCode(s.charCodeAt(to))) return false;
  const c0 = s.charCodeAt(from);
  if (!((c0 >= 65 && c0 <= 90) || isDigitCode(c0))) return false;
  let digits = 0;
  for (let i = from; i < to - 1; i++) if (isDigitCode(s.charCodeAt(i))) digits++;
  if (digits === 0) return false;
  // a decade: digits only, ending in "0s"
  return !(digits === to - 1 - from && s.charCodeAt(to - 2) === 48);
}
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

const COUNT_NOUN_WINDOW = 60;
const COUNT_NOUN_SET = new Set(COUNT_NOUNS);
const SHORTEST_COUNT_NOUN = Math.min(...COUNT_NOUNS.map((w) => w.length));
const LONGEST_COUNT_NOUN = Math.max(...COUNT_NOUNS.map((w) => w.length));
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** How many code units of s (before end) from i make one [\p{L}\p{N}-] of a u-flag pattern: 0 for none. */
function letterOrDigitLength(s: string, i: number, end: number): number {
  if (i >= end) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 45 ? 1 : 0;
  // a surrogate pair inside the window is one character; a lone surrogate is none of these
  const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  return LETTER_OR_DIGIT.test(s.slice(i, i + pair)) ? pair : 0;
}

// The two tests below look at the characters after a number to rule out MEASURE_AFTER and
// a count noun there without a regex call (and, for the noun, a slice). Anything below "!" or
// beyond "~" may be a space to \s; printable ASCII other than " " never is.
const mayBeSpace = (c: number): boolean => c <= 32 || c >= 127;

/** MEASURE_AFTER begins with an optional space, then "metric", "tonnes"/"tons", "litres"/"liters", "hectares", "barrels", "kilograms"/"kg", "ounces", "troy", "wafers" or "cubic". */
function mayStartMeasure(s: string, i: number): boolean {
  if (isMeasureStart(s, i)) return true;
  return mayBeSpace(s.charCodeAt(i)) && isMeasureStart(s, i + 1);
}
/** m t l h b k ("troy" starts with t), or "ou" of "ounces", "wa" of "wafers" or "cu" of "cubic" (not every " of", " with", " was" or " can" after a number). */
function isMeasureStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 109 || c === 116 || c === 108 || c === 104 || c === 98 || c === 107) return true;
  if (c === 111 || c === 99) return s.charCodeAt(i + 1) === 117;
  return c === 119 && s.charCodeAt(i + 1) === 97;
}

/** A count noun (see countNounAt) comes after an optional "+", then a space. */
function mayStartCountNoun(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return mayBeSpace(c === 43 ? s.charCodeAt(i + 1) : c);
}

/** Units of mass, volume and area quoted after a number, as the unit they are recorded in. */
const MEASURE_AFTER = /\s?(?:(?:metric\s+)?(?:tonnes|tons)|litres|liters|hectares|barrels|kilogram(?:me)?s|kg|(?:troy\s+)?ounces|wafers|cubic\s+met(?:re|er)s)\b/y;
function measureUnit(written: string): string {
  if (written.endsWith("tonnes") || written.endsWith("tons")) return "tonnes";
  if (written.endsWith("hectares")) return "hectares";
  if (written.endsWith("ounces")) return "ounces";
  if (written.endsWith("wafers")) return "wafers";
  if (written.endsWith("barrels")) return "barrels";
  if (written.includes("kilogram")) return "kilograms";
  if (written.endsWith("kg")) return "kilograms";
  if (written.includes("cubic")) return "m3";
  return "litres";
}

/** The figures in [from, to) of text; `s` is text.slice(from, to), when the caller has it already. */
export function findCounts(text: string, from: number, to: number, s = text.slice(from, to)): Figure[] {
  const out: Figure[] = [];
  COUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // where the last plain count ended in s, and whether a count noun follows it (null: not looked at yet)
  let lastCountAfter = -1;
  let lastCountNoun: boolean | null = null;
  // Whether the count before the number at `at` (ending at `after`) named the noun it shares: "640 dark
  // stores, up from 410", and with `partOf` also "2,140 customers, 212 of which pay more".
  const nounOfCountBefore = (at: number, after: number, partOf: boolean): boolean => {
    if (lastCountAfter < 0 || at - lastCountAfter > 60) return false;
    const joined = FROM_GAP.test(s.slice(lastCountAfter, at)) || (partOf && at - lastCountAfter <= 30 && OF_WHICH_AFTER.test(s.slice(after, after + 12)));
    return joined && (lastCountNoun ??= countNounAt(s, lastCountAfter));
  };
  while ((m = COUNT_RE.exec(s)) !== null) {
    const raw = m[C.n1] ?? "0";
    const s1 = m[C.s1];
    const scaled = !!s1;
    const grouped = raw.includes(",");
    const plain = grouped ? raw.replaceAll(",", "") : raw;
    // four digits (no group, no point) that start with 19 or 20: /^(?:19|20)\d\d$/
    const isYear = !grouped && plain.length === 4 && !raw.includes(".") && (plain.startsWith("19") || plain.startsWith("20"));
    const big = !raw.includes(".") && plain.length >= 4 && !isYear;
    // "260,000 tonnes", "1.2 million tons", "1.71 billion litres", "412,000 hectares": a
    // quantity, quoted with its unit.
    const after = m.index + m[0].length;
    MEASURE_AFTER.lastIndex = after;
    const measure = mayStartMeasure(s, after) ? MEASURE_AFTER.exec(s) : null;
    if (measure) {
      const start = from + m.index;
      out.push(newFigure("count", start, start + m[0].length + measure[0].length, scaleDecimal(raw, scalePow(s1)), null, null, measureUnit(measure[0])));
      COUNT_RE.lastIndex = m.index + m[0].length + measure[0].length;
      continue;
    }
    // The noun after the number is looked at only where it decides.
    // "0.615 Corinda shares for each Wyalla share", "the 0.615 exchange ratio": shares swapped per share, a ratio
    if (raw.includes(".") && !s1 && plain.length <= 6 && RATIO_AFTER.test(s.slice(after, after + 70))) {
      const start = from + m.index;
      const ratio = newFigure("multiple", start, start + m[0].length, scaleDecimal(raw, 0), null, null, "multiple");
      ratio.exchangeRatio = true;
      out.push(ratio);
      continue;
    }
    let nounFollows: boolean | null = null;
    let sameNoun = false;
    // ("hire about 18,000 graduates, up from 11,500 this year": a large number too takes the noun of the count before it)
    if (!isYear && (grouped || big) && !scaled) sameNoun = nounOfCountBefore(m.index, after, false) && !countNounFollows(s, after);
    if (isYear || !(scaled || grouped || big)) {
      nounFollows = countNounFollows(s, after);
      if (isYear && !nounFollows) continue;
      if (!(scaled || grouped || big || (nounFollows && plain.length >= 2))) {
        // "runs 640 dark stores, up from 410 a year ago": the number before named the noun
        sameNoun = !isYear && plain.length >= 2 && !raw.includes(".") && nounOfCountBefore(m.index, after, true);
        if (!sameNoun) continue;
      }
    }
    const pow = scalePow(s1);
    const start = from + m.index;
    const figure = newFigure("count", start, start + m[0].length, scaleDecimal(raw, pow), null, null, "count");
    if (sameNoun) figure.sameNounAsBefore = true;
    out.push(figure);
    lastCountAfter = after;
    lastCountNoun = nounFollows;
  }
  return out.length > 1 ? joinCountRanges(out, s, from) : out;
}

/** After the number of an exchange ratio: "Corinda shares for each Wyalla share", "new shares per share", "exchange ratio". */
const RATIO_AFTER = /^\s+(?:(?:new|ordinary|[\p{Lu}][\p{L}&.'’-]*)\s+){0,3}?shares?\s+(?:for|per)\s+(?:each|every|one)?\s*(?:[\p{Lu}][\p{L}&.'’-]*\s+){0,3}?(?:ordinary\s+)?share\b|^\s+(?:share[- ])?(?:exchange|swap) ratio\b/u;

const OF_WHICH_AFTER = /^\s+of\s+(?:which|whom|them|those)\b/;

/** What joins a count to an earlier value of the same thing: ", up from about", " compared with ". */
// (not a bare "from": "hired 5,000 engineers from 12 rivals")
const FROM_GAP = /^[^,;.()]{0,30}[,;]?\s*(?:(?:up|down)\s+from|compared\s+with|against|versus)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$/i;
const RANGE_GAP = /^\s?(?:to|[-–])\s?$/;
/** "between 39 million and 41 million tonnes" */
const BETWEEN_BEFORE = /\bbetween\s+$/i;
/** "from 410 to 640" and "grew by 1,200 to 5,400" are a change and a level, not a range. */
const FROM_BEFORE = /\b(?:from|by)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$/i;

/** "a target of 170,000 to 180,000 vehicles", "4,000–5,000": two quantities of one unit joined into a range. */
const joinCountRanges = (found: Figure[], s: string, from: number): Figure[] =>
  joinRanges(
    found,
    s,
    from,
    (a, b, between, before) =>
      (a.unit === b.unit || a.unit === "count") && between.length <= 5 && (RANGE_GAP.test(between) || (between === " and " && BETWEEN_BEFORE.test(before))) && !FROM_BEFORE.test(before.slice(-20)),
  );
