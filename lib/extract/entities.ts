// Organisation names: found as runs of Capitalised words, confirmed across the whole
// article (a name must appear mid-sentence at least once, or look like a company name:
// camelCase, an acronym, or a corporate suffix), then matched again in every sentence,
// headlines included. Also the anaphors that stand for an organisation ("the company",
// "it", "the round") and the grammatical role of each mention.

import {
  AUX_WORDS,
  COMMON_OPENERS,
  COMMON_WORDS,
  DEMONYMS,
  DETERMINERS,
  LEGAL_SUFFIXES,
  NON_ENTITY,
  ORG_SUFFIX_WORDS,
  PLACES,
  PREPOSITIONS,
  REPORTING_VERBS,
  ROLE_WORDS,
  STOP_TOKENS,
} from "./lexicon-data";
import { isSpaceCode } from "./context";
import { CURRENCY_CODES } from "./money";
import type { Sentence } from "./types";

const keyCache = new Map<string, string>();

const headCache = new Map<string, string>();

/** The first word of a token's key ("Société" -> "societe", "S&P" -> "s"). */
function isGenericWord(w: string): boolean {
  return NON_ENTITY.has(w) || DEMONYMS.has(w) || PLACES.has(w) || ROLE_WORDS.has(w);
}

function keyHead(base: string, low: string): string {
  // A word of ASCII letters is its own key, lowercased: no lookup needed.
  if (asciiLettersOnly(base)) return low;
  let h = headCache.get(base);
  if (h === undefined) {
    const k = entityKey(base);
    const sp = k.indexOf(" ");
    h = sp < 0 ? k : k.slice(0, sp);
    if (headCache.size > 50_000) headCache.clear();
    headCache.set(base, h);
  }
  return h;
}

function asciiLettersOnly(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return w.length > 0;
}

/** Grouping key: lowercase, no punctuation, no leading "the", no legal suffix. */
export function entityKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const key = computeKey(name);
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

function computeKey(name: string): string {
  let s = name.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().trim();
  s = s.replace(/['’]s?$/u, "");
  s = s.replace(/\.(?:com|net|org|io)\b/g, "");
  s = s.replace(/&/g, " and ");
  s = s.replace(/['’`´.]/g, "");
  s = s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  let words = s.split(" ").filter(Boolean);
  if (words.length > 1 && words[0] === "the") words = words.slice(1);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? "")) words.pop();
  return words.join(" ");
}

export type MentionKind = "org" | "company" | "pronoun" | "round";

export type Mention = {
  kind: MentionKind;
  /** absolute offsets of the name (without the possessive "’s") */
  start: number;
  end: number;
  /** end including a possessive suffix */
  outerEnd: number;
  key: string;
  possessive: boolean;
  /** governed by a preposition: "from Amazon", "backed by Nvidia", "according to Reuters" */
  prep: boolean;
  /** the preposition itself, lowercased, when prep */
  prepWord: string | null;
  /** followed by a reporting verb: "CNBC reports", "Reuters said" */
  reporter: boolean;
  /** used as a modifier: "the OpenAI round", "Nvidia-backed", "OpenAI rival Anthropic" (the first) */
  modifier: boolean;
  /** index of the previous mention it is coordinated with ("Nvidia and SoftBank"), or -1 */
  coordWith: number;
};

type Tok = {
  s: number; // local start
  e: number; // local end including possessive
  baseEnd: number; // local end of the name part
  base: string;
  poss: boolean;
  hyphenMod: boolean;
  cap: "title" | "upper" | "camel" | null;
  /** base, lowercased */
  low: string;
  /** a lowercase letter followed by a capital inside the word ("OpenAI", "SoftBank") */
  innerCap: boolean;
  /** position in the sentence's token list */
  idx: number;
  /** keyHead(base), once looked up */
  head?: string;
};

type LexEntry = {
  forms: Map<string, number>;
  nonInitial: number;
  strong: boolean;
  tailKeys: Set<string>;
  /** seen at a sentence start, not as a "Label:", followed by a verb ("Stripe raised") */
  initialNonLabel: boolean;
  /** lowercased words of the name */
  words: string[];
  /** order of the first sighting in the article */
  first: number;
  /** sighting number (all names counted) of the first sighting, and of the first outside a title line */
  firstAt: number;
  firstBodyAt: number;
};

/** Words that name a measure or a security, never the last word of a company's name. */
const MEASURE_WORD =
  /^(?:revenues?|sales|shares?|stocks?|profits?|earnings|income|margins?|valuations?|prices?|growth|capex|spending|users|subscribers|customers|deliveries|orders|bookings|costs?|debt|funding|financing|round|deal|ipo|results?|guidance|outlook|forecast|quarter|year|unit|division|segment|business|arm|app|platform|model|chips?)$/;
const CONNECTORS = new Set(["of", "de", "du", "van", "von", "der", "da", "del", "la"]);
const RUN_GAPS = new Set([" ", "\u00a0", "&", " &", "& ", " & ", ...["of", "de", "du", "van", "von", "der", "da", "del", "la"].map((w) => ` ${w} `)]);
/**
 * A news source or analyst: "Reuters said", "CNBC reports", "Bloomberg reported that".
 * "Meta reported strong results" is a company reporting its own figures, not a source.
 */
const REPORTING_AFTER =
  /^\s*(?:,\s*)?(?:\p{Ll}+ly\s+)?(?:(?:said|says|told|tells|wrote|writes|noted|notes|added|adds|stated|states|argued|argues|claimed|claims|warned|warns|observed|observes|according)\b|(?:reported|reports|estimated|estimates|predicted|predicts|found|finds|cited|cites|described|describes|calculated|calculates|concluded|concludes)\b(?=\s*(?:that\b|as\b|it\b|,|\.|;|$|“|")))/u;
const APPOSITIVE_GAP = /^\s+(?:rival|competitor|partner|peer|unit|subsidiary|parent|affiliate|backer|investor|portfolio company)s?\s+$/;
const COORD_GAP = /^\s*(?:,\s*(?:and\s+|or\s+|&\s*)?|\s+(?:and|or|&)\s+|\s*[&/]\s*|\s+and\s+its\s+)$/;
const COMPANY_ANAPHOR =
  /\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\p{L}-]+\s+){0,2}?(?:company|firm|startup|start-up|giant|maker|lab|business|conglomerate|chipmaker|automaker|carmaker|developer|provider|operator|retailer|lender|insurer|unicorn|outfit|heavyweight|group)\b/gu;
const ROUND_ANAPHOR =
  /\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Ii]ts)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:round|raise|deal|financing|fundraise|fundraising|transaction)\b/gu;
const PRONOUN = /\b(?:[Ii]ts?)\b/g;
const COMPANY_NOUNS = /company|firm|start-?up|giant|maker|lab|business|conglomerate|developer|provider|operator|retailer|lender|insurer|unicorn|outfit|heavyweight|group/;
const ROUND_NOUNS = /round|raise|deal|financing|fundrais|transaction/;
const PRONOUN_SUBJECT_BEFORE = /(?:^|[,;:—–(]|\b(?:that|and|but|said|says|as|because|while|when|where|so|which))\s*$/i;

function letterCount(w: string): number {
  let n = 0;
  for (const ch of w) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  return n;
}

const isUpperChar = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLowerChar = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();

function classify(raw: string, s: number): Tok {
  let base = raw;
  let poss = false;
  const last = raw[raw.length - 1] ?? "";
  const beforeLast = raw[raw.length - 2] ?? "";
  if ((last === "s" || last === "S") && (beforeLast === "’" || beforeLast === "'") && raw.length > 2) {
    base = raw.slice(0, -2);
    poss = true;
  } else if (last === "’" || last === "'") {
    base = raw.slice(0, -1);
    poss = base.endsWith("s");
  }
  let hyphenMod = false;
  if (base.includes("-")) {
    const hy = /^([^-]*\p{Lu}[^-]*)-(\p{Ll}[\p{L}-]*)$/u.exec(base);
    if (hy && hy[1]) {
      base = hy[1];
      hyphenMod = true;
    }
  }
  let cap: Tok["cap"] = null;
  const first = base[0] ?? "";
  const c0 = base.charCodeAt(0);
  if (asciiOnly(base)) {
    // ASCII fast path: the same decisions as below by character codes, with no case-mapped copies.
    if (base.includes("'") && /'[a-z]/.test(base)) {
      // contraction
    } else if (isAsciiUpper(c0)) {
      cap = asciiAllUpper(base) && asciiLetters(base) >= 2 ? "upper" : "title";
    } else if (isAsciiLower(c0) && !asciiAllLower(base) && /^[a-z]+[A-Z]/.test(base) && !base.includes("-")) {
      cap = "camel";
    }
    return { s, e: s + raw.length, baseEnd: s + base.length, base, poss, hyphenMod, cap, low: base.toLowerCase(), innerCap: asciiInnerCap(base), idx: 0, head: undefined };
  }
  if ((base.includes("’") || base.includes("'")) && /['’]\p{Ll}/u.test(base)) {
    // "I’m", "Don’t": contractions, not names ("O’Brien" keeps its capital)
  } else if (isUpperChar(first)) {
    cap = base === base.toUpperCase() && letterCount(base) >= 2 ? "upper" : "title";
  } else if (isLowerChar(first) && base !== base.toLowerCase() && /^\p{Ll}+\p{Lu}/u.test(base) && !base.includes("-")) {
    cap = "camel";
  }
  return { s, e: s + raw.length, baseEnd: s + base.length, base, poss, hyphenMod, cap, low: base.toLowerCase(), innerCap: INNER_CAP.test(base), idx: 0, head: undefined };
}

function asciiOnly(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 128) return false;
  return true;
}
function asciiAllUpper(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isAsciiLower(w.charCodeAt(i))) return false;
  return true;
}
function asciiAllLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isAsciiUpper(w.charCodeAt(i))) return false;
  return true;
}
function asciiLetters(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isAsciiUpper(c) || isAsciiLower(c)) n++;
  }
  return n;
}
function asciiInnerCap(w: string): boolean {
  for (let i = 1; i < w.length; i++) if (isAsciiUpper(w.charCodeAt(i)) && isAsciiLower(w.charCodeAt(i - 1))) return true;
  return false;
}

const INNER_CAP = /\p{Ll}\p{Lu}/u;

function isAlnumAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) return false; // spaces, dashes, quotes, ellipsis
  return ALNUM.test(s[i] as string);
}

function isTokenCharAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // & ' - . ’ join the parts of a name ("AT&T", "O’Brien", "Hewlett-Packard", "U.S.")
  return c === 38 || c === 39 || c === 45 || c === 46 || c === 0x2019 || isAlnumAt(s, i);
}

const ALNUM = /[\p{L}\p{N}]/u;

const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;

/** Upper case at i, for any script (ASCII by char code, the rest by case mapping). */
function upperAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiUpper(c);
  const ch = s[i] as string;
  return ch !== ch.toLowerCase();
}

function lowerAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiLower(c);
  const ch = s[i] as string;
  return ch !== ch.toUpperCase();
}

/** Per ASCII code: ALNUM_CHAR for a letter or digit, JOIN_CHAR for & ' - . (isTokenCharAt), 0 for the rest. */
const ALNUM_CHAR = 1;
const JOIN_CHAR = 2;
const ASCII_CLASS = new Uint8Array(128).map((_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? ALNUM_CHAR : c === 38 || c === 39 || c === 45 || c === 46 ? JOIN_CHAR : 0,
);

/** Words that can be part of a name: Capitalised, ACRONYM or camelCase ("xAI"). One pass, no regex per position. */
function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 128 ? ASCII_CLASS[c] !== ALNUM_CHAR : !isAlnumAt(s, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    // ASCII by table: this loop visits every character of the article
    while (j < n) {
      const d = s.charCodeAt(j);
      if (d < 128 ? ASCII_CLASS[d] === 0 : !isTokenCharAt(s, j)) break;
      j++;
    }
    let keep = upperAt(s, i);
    if (!keep && lowerAt(s, i)) {
      // camelCase: one to three lowercase letters, then a capital ("xAI", "iPhone", "eBay")
      let k = i + 1;
      while (k < j && k < i + 4 && lowerAt(s, k)) k++;
      keep = k < j && k <= i + 3 && upperAt(s, k);
    }
    if (keep) {
      let end = j;
      while (end > i + 1 && !isAlnumAt(s, end - 1)) end--;
      if (end < j && (s[end] === "'" || s[end] === "’")) end++; // "investors’"
      const t = classify(s.slice(i, end), i);
      if (t.cap) {
        t.idx = out.length;
        out.push(t);
      }
    }
    i = j;
  }
  return out;
}

/** Runs of capitalised tokens joined by single spaces, "&" or a lowercase connector ("of"). */
function runs(s: string, toks: Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let run: Tok[] = [];
  for (const t of toks) {
    const prev = run[run.length - 1];
    if (prev && !prev.poss && !prev.hyphenMod && t.s - prev.e <= 5 && RUN_GAPS.has(s.slice(prev.e, t.s))) {
      run.push(t);
      continue;
    }
    if (run.length) out.push(run);
    run = [t];
  }
  if (run.length) out.push(run);
  return out;
}

const lower = (t: Tok): string => t.low;
const isGenericToken = (t: Tok): boolean => {
  const w = lower(t);
  return NON_ENTITY.has(w) || DEMONYMS.has(w) || PLACES.has(w);
};

type Segments = { orgs: Tok[][]; persons: Tok[][] };

/** Split a run at job titles (the names after them are people) and at function words. */
const TITLE_END = new Set(["officer", "president", "director", "executive", "editor", "manager", "secretary", "chairman", "partner", "analyst", "strategist", "economist", "head", "lead", "minister", "counsel"]);
/** Nouns that stand before a name without being part of it: "Rival Korvel Systems", "Competitor Anthropic". */
const LEADING_NOUNS = new Set(["rival", "rivals", "competitor", "competitors", "peer", "startup", "start-up", "unicorn", "chipmaker", "automaker", "carmaker", "lender", "insurer", "retailer", "giant", "subsidiary", "investor", "backer", "regulator", "partner"]);

function segment(run: Tok[]): Segments {
  const orgs: Tok[][] = [];
  const persons: Tok[][] = [];
  let cur: Tok[] = [];
  const flush = (): void => {
    if (cur.length) orgs.push(cur);
    cur = [];
  };
  let i = 0;
  while (i < run.length) {
    const t = run[i] as Tok;
    const w = lower(t);
    if (t.cap && ROLE_WORDS.has(w)) {
      flush();
      let j = i + 1;
      while (j < run.length && ROLE_WORDS.has(lower(run[j] as Tok))) j++;
      // "Chief Financial Officer Marta Kühn": title words up to the word that ends the title.
      for (let k = j; k < Math.min(run.length, j + 3); k++) {
        if (TITLE_END.has(lower(run[k] as Tok))) {
          j = k + 1;
          break;
        }
      }
      const p: Tok[] = [];
      while (j < run.length && p.length < 3) {
        const n = run[j] as Tok;
        if (n.cap !== "title" || STOP_TOKENS.has(lower(n))) break;
        p.push(n);
        j++;
        if (n.poss) break;
      }
      if (p.length) persons.push(p);
      i = j;
      continue;
    }
    if (t.cap && STOP_TOKENS.has(w)) {
      flush();
      i++;
      continue;
    }
    cur.push(t);
    i++;
  }
  flush();
  return { orgs, persons };
}

/** "Users of Codex", "Shares of Acme": a common noun and "of" before a name are not part of it. */
function dropCommonOfPrefix(s: string, seg: Tok[]): Tok[] {
  for (let i = 1; i < seg.length; i++) {
    const gap = s.slice((seg[i - 1] as Tok).e, (seg[i] as Tok).s);
    if (gap !== " of ") continue;
    const prefix = seg.slice(0, i);
    if (prefix.every((t) => COMMON_OPENERS.has(lower(t)) || COMMON_WORDS.has(lower(t)) || isGenericToken(t))) return seg.slice(i);
  }
  return seg;
}

function surfaceOf(s: string, toks: Tok[]): string {
  const first = toks[0];
  const last = toks[toks.length - 1];
  return first && last ? s.slice(first.s, last.baseEnd) : "";
}

function isStrong(toks: Tok[]): boolean {
  if (toks.some((t) => t.cap === "camel" || t.innerCap)) return true;
  // "Tesla’s positioning": a single capitalised word in the possessive reads as a name.
  const only = toks[0];
  if (toks.length === 1 && only && only.poss && only.cap === "title" && !isGenericToken(only)) return true;
  if (toks.some((t) => t.cap === "upper" && t.base.replace(/[^\p{L}]/gu, "").length <= 7 && !isGenericToken(t))) return true;
  const last = toks[toks.length - 1];
  return toks.length >= 2 && !!last && ORG_SUFFIX_WORDS.has(lower(last));
}

/** "SEK", "NOK": an amount's currency code, never a company. */
const CURRENCY_CODE_KEYS = new Set(CURRENCY_CODES.toLowerCase().split("|"));

function rejectedName(key: string, toks: Tok[]): boolean {
  if (!key || key.length < 2) return true;
  if (CURRENCY_CODE_KEYS.has(key)) return true;
  if (NON_ENTITY.has(key) || PLACES.has(key) || DEMONYMS.has(key)) return true;
  if (toks.every((t) => isGenericToken(t))) return true;
  const parts = key.split(/[\s-]+/);
  return parts.every((p) => NON_ENTITY.has(p) || PLACES.has(p) || DEMONYMS.has(p) || CONNECTORS.has(p) || COMPASS.has(p));
}

/** "West Africa", "Southeast Asia", "Northern Europe": a direction before a place is still a place. */
const COMPASS = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern"]);

/**
 * A wire story's dateline ("BERGEN, Norway, 14 February 2026 -", "OSLO, Feb 12 (Wire) -") names
 * where it was filed: its capitals are a place, not a company.
 */
const DATELINE = /^\s*\p{Lu}[\p{Lu}.'’/ -]*\p{Lu}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*[^\n]{1,40}?\s[-–—]\s/u;

function withoutDateline(s: string, toks: Tok[]): Tok[] {
  const c = s.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && c < 128) return toks;
  const m = DATELINE.exec(s);
  if (!m) return toks;
  const end = m[0].length;
  const kept = toks.filter((t) => t.s >= end);
  kept.forEach((t, i) => (t.idx = i));
  return kept;
}

/**
 * Tokens with no lowercase word before them in their sentence (or since a label colon, a
 * table bar or an opening quote): capitalised there by position, so weak evidence of a name.
 */
function initialTokens(s: string, toks: Tok[]): Set<number> {
  const out = new Set<number>();
  let sawLower = false;
  let prevEnd = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    let from = prevEnd;
    const reset = lastResetIn(s, prevEnd, t.s);
    if (reset >= prevEnd) {
      sawLower = false;
      from = reset + 1;
    }
    if (!sawLower && gapHasListOrLowerWord(s, from, t.s)) sawLower = true; // a list, or a lowercase word
    if (!sawLower) out.add(i);
    prevEnd = t.e;
  }
  return out;
}

/** s[from, to) contains "," or a lowercase letter that starts a word (LOWER_WORD on the slice), without slicing. */
function gapHasListOrLowerWord(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === 44) return true;
    if (c < 128 ? !isAsciiLower(c) : !LOWER_LETTER.test(s[k] as string)) continue;
    if (k === from) return true;
    const p = s.charCodeAt(k - 1);
    if (p < 128) {
      if (!(isAsciiLower(p) || isAsciiUpper(p) || (p >= 48 && p <= 57) || p === 39)) return true;
    } else if (p !== 0x2019 && !LETTER_OR_DIGIT.test(s[k - 1] as string)) return true;
  }
  return false;
}
const LOWER_LETTER = /^\p{Ll}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** /\(\s*$/ on the three characters before `at`, without the slice. */
function openBracketBefore(s: string, at: number): boolean {
  const limit = Math.max(0, at - 3);
  let k = at;
  while (k > limit && isSpaceCode(s.charCodeAt(k - 1))) k--;
  return k > limit && s.charCodeAt(k - 1) === 40;
}

/** /^\s*:/ on s.slice(at), without the slice. */
function colonAfter(s: string, at: number): boolean {
  let k = at;
  while (k < s.length && isSpaceCode(s.charCodeAt(k))) k++;
  return s.charCodeAt(k) === 58;
}

/** Index of the last ":", "|", opening quote or bracket in s[from, to), or from - 1. */
function lastResetIn(s: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = s.charCodeAt(i);
    if (c === 58 || c === 124 || c === 34 || c === 40 || c === 91 || c === 0x201c || c === 0x2018) return i;
  }
  return from - 1;
}
/** What follows a company name that opens a sentence: a verb, an apposition, a list or a label colon. */
const VERB_AFTER =
  /^(?:\s*[,(&]|\s*:\s+\p{L}|\s+\p{Ll}+ly\s+\p{Ll}+|\s+(?:and|is|was|has|had|have|are|were|will|would|could|can|may|might|should|must|also|said|says|plans?|wants?|expects?|hopes?|aims?|agreed|announced|reported|raised|secured|closed|led|now|just|still)\b|\s+\p{Ll}+(?:s|ed|ing)\b)/u;
/** The word before `at`, past spaces and one ":" or ",", lowercased ("Editor: Sandy" -> "editor"). */
function wordBeforeLabel(s: string, at: number): string {
  let k = at;
  while (k > 0 && (s[k - 1] === " " || s[k - 1] === ":" || s[k - 1] === ",")) k--;
  let j = k;
  while (j > 0 && (isAlnumAt(s, j - 1) || s[j - 1] === ".")) j--;
  const w = s.slice(j, k).toLowerCase();
  return w.endsWith(".") ? w.slice(0, -1) : w;
}

/**
 * The article's opening line when it stands alone without a full stop: a headline, whatever its
 * capitalisation ("Miner Tallowa to raise A$2 billion" as much as "Miner Tallowa To Raise ...").
 */
function isTitleLine(text: string, st: Sentence): boolean {
  for (let i = 0; i < st.start; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  let k = st.end;
  while (k < text.length && text.charCodeAt(k) !== 10) {
    if (!isSpaceCode(text.charCodeAt(k))) return false;
    k++;
  }
  let e = st.end;
  while (e > st.start && isSpaceCode(text.charCodeAt(e - 1))) e--;
  const last = text.charCodeAt(e - 1);
  return e > st.start && last !== 46 && last !== 33 && last !== 63; // . ! ?
}

export class EntityIndex {
  private readonly lex = new Map<string, LexEntry>();
  private readonly persons = new Set<string>();
  private sightings = 0;
  private readonly accepted = new Map<string, boolean>();
  private readonly display = new Map<string, string>();
  private displayForms = new Map<string, Map<string, number>>();
  /** short name -> full name: "Arvane" -> "arvane semiconductor" when the article named it in full first */
  private readonly alias = new Map<string, string>();
  private readonly perSentence: Mention[][] = [];
  readonly focus: string | null;

  private readonly tokenized: Array<{ s: string; toks: Tok[] }>;
  private readonly segments: Array<Segments[] | undefined> = [];
  /** first words of the names in the lexicon */
  private readonly starts = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
  ) {
    this.tokenized = sentences.map((st) => {
      const s = text.slice(st.start, st.end);
      return { s, toks: withoutDateline(s, tokenize(s)) };
    });
    sentences.forEach((st, i) => {
      const t = this.tokenized[i];
      if (!t || st.headline) return;
      if (st.table && !st.table.header) return; // a table's header row names columns, not companies
      const firstCell = st.table?.cells[0];
      this.collect(t.s, this.segmentsOf(i), t.toks, firstCell ? firstCell[1] - st.start : -1, i === 0 && isTitleLine(text, st));
    });
    this.findAliases();
    const head = (key: string): string => {
      const sp = key.indexOf(" ");
      return sp < 0 ? key : key.slice(0, sp);
    };
    for (const key of this.lex.keys()) this.starts.add(head(key));
    for (const key of this.alias.keys()) this.starts.add(head(key));
    this.starts.add("the");
    // Display names and the focus come from the lexicon; mentions are found per sentence, on demand.
    const counts = new Map<string, number>();
    const firstSeen = new Map<string, number>();
    const forms = new Map<string, Map<string, number>>();
    for (const [key, e] of this.lex) {
      const canon = this.canon(key);
      if (!this.isAccepted(canon)) continue;
      let n = 0;
      for (const c of e.forms.values()) n += c;
      counts.set(canon, (counts.get(canon) ?? 0) + n);
      firstSeen.set(canon, Math.min(firstSeen.get(canon) ?? Infinity, e.first));
      // A merged short name displays as the full one.
      if (canon === key || !forms.has(canon)) forms.set(canon, e.forms);
    }
    // Display names are chosen when first asked for (most names are never shown).
    this.displayForms = forms;
    let focus: string | null = null;
    let best = 0;
    for (const [key, n] of counts) {
      const better = n > best || (n === best && focus !== null && (firstSeen.get(key) ?? 0) < (firstSeen.get(focus) ?? 0));
      if (better) {
        focus = key;
        best = n;
      }
    }
    this.focus = focus;
  }

  mentions(sentenceIndex: number): Mention[] {
    const known = this.perSentence[sentenceIndex];
    if (known) return known;
    const st = this.sentences[sentenceIndex];
    const t = this.tokenized[sentenceIndex];
    const ms = st && t ? this.detect(st, t.s, this.segmentsOf(sentenceIndex)) : [];
    this.perSentence[sentenceIndex] = ms;
    return ms;
  }

  displayName(key: string): string {
    let name = this.display.get(key);
    if (name === undefined) {
      const f = this.displayForms.get(key);
      name = f ? chooseDisplay(f) : key;
      this.display.set(key, name);
    }
    return name;
  }

  /** `labelCellEnd`: in a table row, the end of the first cell (a row label), else -1. */
  /** The name runs of a sentence split into organisations and people, computed once for both passes. */
  private segmentsOf(i: number): Segments[] {
    let segs = this.segments[i];
    if (!segs) {
      const t = this.tokenized[i] as { s: string; toks: Tok[] };
      segs = runs(t.s, t.toks).map(segment);
      this.segments[i] = segs;
    }
    return segs;
  }

  private collect(s: string, segs: Segments[], toks: Tok[], labelCellEnd: number, titleLine: boolean): void {
    const initial = initialTokens(s, toks);
    for (const { orgs, persons } of segs) {
      for (const p of persons) this.addPerson(surfaceOf(s, p));
      for (let seg of orgs) {
        const firstTok = seg[0] as Tok;
        if (seg.length <= 3 && seg.every((t) => t.cap === "title")) {
          if (ROLE_WORDS.has(wordBeforeLabel(s, firstTok.s))) {
            this.addPerson(surfaceOf(s, seg));
            continue;
          }
        }
        const segInitial = initial.has(firstTok.idx);
        // "Separately Apple ...", "Following Nvidia ...": an opening adverb or participle, but not "Streamly Inc".
        const second = lower(seg[1] ?? firstTok);
        if (
          segInitial &&
          seg.length >= 2 &&
          firstTok.cap === "title" &&
          /(?:ing|ed|ly)$/.test(firstTok.base) &&
          !ORG_SUFFIX_WORDS.has(second) &&
          !LEGAL_SUFFIXES.has(second)
        ) {
          seg = seg.slice(1);
        }
        while (seg.length && (isGenericToken(seg[0] as Tok) || (seg.length > 1 && LEADING_NOUNS.has(lower(seg[0] as Tok))))) seg = seg.slice(1);
        seg = dropCommonOfPrefix(s, seg);
        if (!seg.length) continue;
        const surface = surfaceOf(s, seg);
        const key = seg.length === 1 && asciiLettersOnly(surface) ? (seg[0] as Tok).low : entityKey(surface);
        if (rejectedName(key, seg)) continue;
        const e: LexEntry = this.lex.get(key) ?? {
          forms: new Map(),
          nonInitial: 0,
          strong: false,
          tailKeys: new Set<string>(),
          initialNonLabel: false,
          words: seg.map((t) => lower(t)),
          first: this.lex.size,
          firstAt: this.sightings,
          firstBodyAt: Infinity,
        };
        if (!titleLine && e.firstBodyAt === Infinity) e.firstBodyAt = this.sightings;
        this.sightings++;
        e.forms.set(surface, (e.forms.get(surface) ?? 0) + 1);
        if (!segInitial || !initial.has((seg[0] as Tok).idx)) e.nonInitial++;
        const isLabel = segInitial && colonAfter(s, (seg[seg.length - 1] as Tok).e);
        const lastTok = seg[seg.length - 1] as Tok;
        const rowLabel = lastTok.e <= labelCellEnd;
        if (rowLabel || (segInitial && (lastTok.poss || VERB_AFTER.test(s.slice(lastTok.e, lastTok.e + 24))))) {
          e.initialNonLabel = true;
        }
        if (isStrong(seg) && !(isLabel && !seg.some((t) => t.cap === "camel" || t.innerCap))) e.strong = true;
        if (seg.length >= 2) e.tailKeys.add(entityKey(surfaceOf(s, seg.slice(1))));
        this.lex.set(key, e);
      }
    }
  }

  /**
   * A name seen only at sentence starts ("Stripe raised ..."): accepted when none of its
   * words is a common opener, an -ing/-ly/-ed/-tion word, or a word the article also uses
   * in lowercase (which "Revenue" or "Shares" would be).
   */
  private looksLikeName(e: LexEntry): boolean {
    if (!e.initialNonLabel) return false;
    return e.words.every(
      (w) =>
        w.length > 1 &&
        !COMMON_OPENERS.has(w) &&
        !COMMON_WORDS.has(w) &&
        !STOP_TOKENS.has(w) &&
        !/(?:ing|ly|ed|tion|sion|ment|ness|ity)$/.test(w) &&
        !this.usedInLowercase(w),
    );
  }

  private canon(key: string): string {
    return this.alias.get(key) ?? key;
  }

  /**
   * "Arvane Semiconductor ... Arvane forecast": a name first given in full and then shortened
   * to its first word is one company, when the dropped words are only a company suffix.
   */
  private findAliases(): void {
    for (const [key, e] of this.lex) {
      if (e.words.length < 2 || e.words.length > 3 || this.persons.has(key)) continue;
      // The dropped words are a company suffix ("Semiconductor") or, for a name never used
      // otherwise, any capitalised word ("Verdant Power" ... "Verdant").
      const first = e.words[0] ?? "";
      if (COMMON_OPENERS.has(first) || COMMON_WORDS.has(first) || STOP_TOKENS.has(first) || isGenericWord(first)) continue;
      const short = entityKey(first);
      if (!short || short === key) continue;
      // Said alone before the full name, it may be another company ("Apple" before "Apple
      // Music"); a headline calling the company by its short name proves nothing of the kind
      // ("Miner Tallowa ..." over a story about Tallowa Resources).
      const se = this.lex.get(short);
      if (!se || se.firstBodyAt < e.firstAt) continue;
      if (!this.isAccepted(key)) {
        if (!this.shortenedSubject(e, short)) continue;
        this.accepted.set(key, true);
      }
      const taken = this.alias.get(short);
      if (taken && taken !== key) {
        this.alias.delete(short); // two full names share the short one: ambiguous
        continue;
      }
      this.alias.set(short, key);
    }
  }

  /**
   * "Verdant Power has secured ... from Verdant and its partner": a full name seen only where
   * it opens a sentence as its subject (so the capitals prove nothing) is still the company's
   * name when the article goes on to call it by its first word alone, and that word is a name
   * on its own evidence. The dropped words must not be generic or a measure ("Nvidia Shares
   * rose" is not a company).
   */
  private shortenedSubject(e: LexEntry, short: string): boolean {
    if (!e.initialNonLabel || e.nonInitial > 0 || this.persons.has(short)) return false;
    const se = this.lex.get(short);
    if (!se || !(se.nonInitial > 0 || se.strong) || !this.isAccepted(short)) return false;
    return e.words.slice(1).every((w) => w.length > 2 && !COMMON_WORDS.has(w) && !STOP_TOKENS.has(w) && !isGenericWord(w) && !MEASURE_WORD.test(w));
  }

  private readonly lowerSeen = new Map<string, boolean>();

  /** Does `w` (lowercase) occur as a whole word in the article? Cached per word. */
  private usedInLowercase(w: string): boolean {
    const known = this.lowerSeen.get(w);
    if (known !== undefined) return known;
    const text = this.text;
    let found = false;
    for (let i = text.indexOf(w); i >= 0 && !found; i = text.indexOf(w, i + 1)) {
      found = (i === 0 || !isAlnumAt(text, i - 1)) && (i + w.length >= text.length || !isAlnumAt(text, i + w.length));
    }
    this.lowerSeen.set(w, found);
    return found;
  }

  private addPerson(name: string): void {
    const key = entityKey(name);
    if (!key) return;
    this.persons.add(key);
    const parts = key.split(" ");
    if (parts.length >= 2) this.persons.add(parts[parts.length - 1] ?? "");
  }

  private isAccepted(key: string): boolean {
    const cached = this.accepted.get(key);
    if (cached !== undefined) return cached;
    const e = this.lex.get(key);
    let ok = !!e && (e.nonInitial > 0 || e.strong || this.looksLikeName(e)) && !this.persons.has(key);
    if (ok && e && e.nonInitial === 0) {
      for (const tail of e.tailKeys) {
        const te = this.lex.get(tail);
        if (te && te.nonInitial > 0) ok = false;
      }
    }
    this.accepted.set(key, ok);
    return ok;
  }

  private detect(st: Sentence, s: string, segs: Segments[]): Mention[] {
    const base = st.start;
    const found: Array<{ toks: Tok[]; key: string }> = [];
    for (const sg of segs) {
      for (const seg of sg.orgs) {
        let i = 0;
        while (i < seg.length) {
          let matched = 0;
          // No known name starts with this word: skip the lookups.
          const t = seg[i] as Tok;
          if (t.head === undefined) t.head = keyHead(t.base, t.low);
          if (!this.starts.has(t.head)) {
            i++;
            continue;
          }
          for (let len = Math.min(6, seg.length - i); len >= 1; len--) {
            const key = this.canon(len === 1 && t.head === t.low ? t.low : entityKey(s.slice(t.s, (seg[i + len - 1] as Tok).baseEnd)));
            if (this.isAccepted(key)) {
              found.push({ toks: seg.slice(i, i + len), key });
              matched = len;
              break;
            }
          }
          i += matched || 1;
        }
      }
    }
    const mentions: Mention[] = found.map(({ toks: part, key }) => {
      const first = part[0] as Tok;
      const last = part[part.length - 1] as Tok;
      const ctx = walkBack(s, first.s);
      const poss = last.poss && last.e <= s.length;
      // "the OpenAI round": the word after a determined name, read only when it can decide.
      const nextWord = (): string => /^\s+([\p{Ll}][\p{Ll}-]*)/u.exec(s.slice(last.baseEnd, Math.min(s.length, last.e + 40)))?.[1] ?? "";
      let modifier = last.hyphenMod;
      if (!modifier && !poss && ctx.sawDeterminer) {
        const w = nextWord();
        modifier = !!w && !AUX_WORDS.has(w) && !PREPOSITIONS.has(w) && !/(?:ed|s)$/.test(w);
      }
      // "(Reuters)", "Amazon Web Services (AWS)": a name alone in brackets is an aside.
      const bracketed = openBracketBefore(s, first.s) && /^\s*\)/.test(s.slice(last.e, last.e + 3));
      return {
        kind: "org" as const,
        start: base + first.s,
        end: base + last.baseEnd,
        outerEnd: base + (poss ? last.e : last.baseEnd),
        key,
        possessive: poss,
        prep: ctx.prep !== null,
        prepWord: ctx.prep,
        reporter: ctx.afterReportingVerb || (!poss && REPORTING_AFTER.test(s.slice(last.baseEnd))),
        modifier: modifier || bracketed || ctx.afterReportingVerb,
        coordWith: -1,
      };
    });
    // Relations between neighbouring mentions.
    for (let i = 1; i < mentions.length; i++) {
      const prev = mentions[i - 1] as Mention;
      const cur = mentions[i] as Mention;
      const gap = this.text.slice(prev.outerEnd, cur.start);
      if (APPOSITIVE_GAP.test(gap) || (prev.possessive && /^\s+$/.test(gap))) {
        prev.modifier = true;
        cur.prep = prev.prep;
        cur.prepWord = prev.prepWord;
      } else if (COORD_GAP.test(gap)) {
        cur.coordWith = i - 1;
        if (prev.prep) {
          cur.prep = true;
          cur.prepWord = prev.prepWord;
        }
      }
    }
    const anaphors = findAnaphors(s, base);
    if (!anaphors.length) return mentions; // names are found in text order: already sorted, indices valid
    for (const a of anaphors) mentions.push(a);
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    // coordWith indices refer to the pre-sort order of org mentions; remap.
    return remapCoordination(mentions);
  }
}

function remapCoordination(ms: Mention[]): Mention[] {
  const orgs = ms.filter((m) => m.kind === "org");
  const orgOrder = orgs.slice();
  return ms.map((m) => {
    if (m.kind !== "org" || m.coordWith < 0) return m;
    const target = orgOrder[m.coordWith];
    return { ...m, coordWith: target ? ms.indexOf(target) : -1 };
  });
}

function findAnaphors(s: string, base: number): Mention[] {
  const out: Mention[] = [];
  const make = (kind: MentionKind, start: number, end: number, possessive: boolean): Mention => {
    const ctx = walkBack(s, start);
    return {
      kind,
      start: base + start,
      end: base + end,
      outerEnd: base + end,
      key: "",
      possessive,
      prep: ctx.prep !== null,
      prepWord: ctx.prep,
      reporter: REPORTING_AFTER.test(s.slice(end)),
      modifier: false,
      coordWith: -1,
    };
  };
  for (const re of [COMPANY_ANAPHOR, ROUND_ANAPHOR]) {
    // The head noun must occur somewhere before the (slower) full pattern is worth running.
    if (!(re === COMPANY_ANAPHOR ? COMPANY_NOUNS : ROUND_NOUNS).test(s)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      const kind: MentionKind = re === COMPANY_ANAPHOR ? "company" : "round";
      // "the company’s", "the round’s"
      const poss = /^['’]s\b/.test(s.slice(m.index + m[0].length));
      out.push(make(kind, m.index, m.index + m[0].length, poss));
    }
  }
  PRONOUN.lastIndex = 0;
  let p: RegExpExecArray | null;
  while ((p = PRONOUN.exec(s)) !== null) {
    const word = p[0].toLowerCase();
    if (word === "its") {
      out.push(make("pronoun", p.index, p.index + p[0].length, true));
      continue;
    }
    if (/^\s*['’]s\b/.test(s.slice(p.index + 2))) continue; // "it’s" = it is; too vague
    if (!PRONOUN_SUBJECT_BEFORE.test(s.slice(Math.max(0, p.index - 30), p.index))) continue;
    out.push(make("pronoun", p.index, p.index + p[0].length, false));
  }
  // Drop an anaphor that sits inside a longer one ("its" inside "its latest round").
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of out) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/** Look at the up-to-three words before `at`: a preposition governs the mention? */
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  if (c === "'" || c === "’" || c === "-") return true;
  return isAlnumAt(c, 0);
}

/** The word ending at `end` (exclusive), skipping spaces first; [start, end) or null. */
function wordBefore(s: string, end: number, limit: number): [number, number] | null {
  let i = end;
  while (i > limit && (s[i - 1] === " " || s[i - 1] === "\u00a0" || s[i - 1] === "\t")) i--;
  if (i <= limit || !isWordChar(s[i - 1])) return null;
  let j = i;
  while (j > limit && isWordChar(s[j - 1])) j--;
  return [j, i];
}

/** Look at the up-to-four words before `at`: does a preposition govern the mention? */
type Governed = { prep: string | null; sawDeterminer: boolean; afterReportingVerb: boolean };

function walkBack(s: string, at: number): Governed {
  const limit = Math.max(0, at - 60);
  let sawDeterminer = false;
  let end = at;
  for (let steps = 0; steps < 5; steps++) {
    const span = wordBefore(s, end, limit);
    if (!span) break;
    const word = s.slice(span[0], span[1]);
    const item = word.charCodeAt(0) === 45 || word.charCodeAt(word.length - 1) === 45 ? word.replace(/^-+|-+$/g, "") : word;
    end = span[0];
    if (!item) continue;
    const w = item.toLowerCase();
    // "told Reuters", "said Amazon CEO ...": the source of a quote, not the subject.
    if (steps === 0 && SOURCE_VERBS.has(w)) return { prep: null, sawDeterminer, afterReportingVerb: true };
    if (w === "to") {
      const prev = wordBefore(s, end, limit);
      if (prev && s.slice(prev[0], prev[1]).toLowerCase() === "according") return { prep: "according to", sawDeterminer, afterReportingVerb: false };
    }
    if (PREPOSITIONS.has(w)) return { prep: w, sawDeterminer, afterReportingVerb: false };
    if (DETERMINERS.has(w)) {
      sawDeterminer = true;
      continue;
    }
    const c0 = item.charAt(0);
    if (c0 >= "0" && c0 <= "9") break; // a number
    if (c0 !== c0.toLowerCase()) {
      // "led by Dutch chip maker ASML": a nationality or generic acronym is an adjective here
      if (DEMONYMS.has(w) || NON_ENTITY.has(w) || PLACES.has(w)) continue;
      break;
    }
    if (AUX_WORDS.has(w) || REPORTING_VERBS.has(w)) break;
    if (w.endsWith("ed") && !/-(?:based|owned|backed|led|funded)$/.test(w)) break;
    // a lowercase adjective or noun: keep walking
  }
  return { prep: null, sawDeterminer, afterReportingVerb: false };
}

const SOURCE_VERBS = new Set(["told", "tells", "said", "says", "according", "reported", "wrote", "cited"]);

function chooseDisplay(forms: Map<string, number>): string {
  let best = "";
  let bestScore = -1;
  for (const [form, n] of forms) {
    const allCaps = /\p{L}{5,}/u.test(form) && form === form.toUpperCase();
    const score = n * 2 + (allCaps ? 0 : 1);
    if (score > bestScore || (score === bestScore && form < best)) {
      best = form;
      bestScore = score;
    }
  }
  return best
    .split(" ")
    .map((w) => {
      const letters = w.replace(/[^\p{L}]/gu, "");
      return letters.length > 4 && letters === letters.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w;
    })
    .join(" ");
}
