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
import { anaphorMatches } from "./anaphor-scan";
import { isRegexWordCode, isSpaceCode } from "./context";
import { CURRENCY_CODES } from "./money";
import type { Sentence } from "./types";

const keyCache = new Map<string, string>();

const headCache = new Map<string, string>();

const CONNECTORS = new Set(["of", "de", "du", "van", "von", "der", "da", "del", "la"]);
/** Split a run at job titles (the names after them are people) and at function words. */
const TITLE_END = new Set(["officer", "president", "director", "executive", "editor", "manager", "secretary", "chairman", "partner", "analyst", "strategist", "economist", "head", "lead", "minister", "counsel"]);
/** Nouns that stand before a name without being part of it: "Rival Korvel Systems", "Competitor Anthropic". */
const LEADING_NOUNS = new Set(["rival", "rivals", "competitor", "competitors", "peer", "startup", "start-up", "unicorn", "chipmaker", "automaker", "carmaker", "lender", "insurer", "retailer", "giant", "subsidiary", "investor", "backer", "regulator", "partner"]);
const SOURCE_VERBS = new Set(["told", "tells", "said", "says", "according", "reported", "wrote", "cited"]);
/** "SEK", "NOK": an amount's currency code, never a company. */
const CURRENCY_CODE_KEYS = new Set(CURRENCY_CODES.toLowerCase().split("|"));
/** "West Africa", "Southeast Asia", "Northern Europe": a direction before a place is still a place. */
const COMPASS = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern"]);

/**
 * Membership of a word in each of the (constant) word lists, as bits: one map lookup instead of
 * one Set lookup per list. wordFlags(w) & F_X is set exactly when X.has(w).
 */
const F_STOP = 1;
const F_NON_ENTITY = 2;
const F_DEMONYM = 4;
const F_PLACE = 8;
const F_ROLE = 16;
const F_TITLE_END = 32;
const F_LEADING = 64;
const F_ORG_SUFFIX = 128;
const F_LEGAL = 256;
const F_OPENER = 512;
const F_COMMON = 1024;
const F_PREP = 2048;
const F_DET = 4096;
const F_AUX = 8192;
const F_REPORTING = 16384;
const F_SOURCE = 32768;
const F_CONNECTOR = 65536;
const F_COMPASS = 131072;
const F_CURRENCY = 262144;
const F_GENERIC = F_NON_ENTITY | F_DEMONYM | F_PLACE;
const WORD_FLAGS = new Map<string, number>();
for (const [list, bit] of [
  [STOP_TOKENS, F_STOP],
  [NON_ENTITY, F_NON_ENTITY],
  [DEMONYMS, F_DEMONYM],
  [PLACES, F_PLACE],
  [ROLE_WORDS, F_ROLE],
  [TITLE_END, F_TITLE_END],
  [LEADING_NOUNS, F_LEADING],
  [ORG_SUFFIX_WORDS, F_ORG_SUFFIX],
  [LEGAL_SUFFIXES, F_LEGAL],
  [COMMON_OPENERS, F_OPENER],
  [COMMON_WORDS, F_COMMON],
  [PREPOSITIONS, F_PREP],
  [DETERMINERS, F_DET],
  [AUX_WORDS, F_AUX],
  [REPORTING_VERBS, F_REPORTING],
  [SOURCE_VERBS, F_SOURCE],
  [CONNECTORS, F_CONNECTOR],
  [COMPASS, F_COMPASS],
  [CURRENCY_CODE_KEYS, F_CURRENCY],
] as const) {
  for (const w of list) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | bit);
}
const wordFlags = (w: string): number => WORD_FLAGS.get(w) ?? 0;

/** The first word of a token's key ("Société" -> "societe", "S&P" -> "s"). */
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

/** Legal forms that stand before a company's name (Indonesia's PT, Russia's PJSC and JSC). */
const LEGAL_PREFIXES = new Set(["pt", "pjsc", "jsc", "ojsc", "pao", "oao"]);

function computeKey(name: string): string {
  let s = name.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().trim();
  s = s.replace(/['’]s?$/u, "");
  s = s.replace(/\.(?:com|net|org|io)\b/g, "");
  s = s.replace(/&/g, " and ");
  s = s.replace(/['’`´.]/g, "");
  s = s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  let words = s.split(" ").filter(Boolean);
  if (words.length > 1 && words[0] === "the") words = words.slice(1);
  // "PT Raya Nikel Sulawesi", "PJSC Volga Telecom": a legal form written first
  if (words.length > 1 && LEGAL_PREFIXES.has(words[0] as string)) words = words.slice(1);
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
  /** wordFlags(low) */
  f: number;
};

type LexEntry = {
  /** the name as first written and how often it was written so; its other written forms (most names have none) */
  form: string;
  formCount: number;
  otherForms: Map<string, number> | null;
  /** sightings of the name, in all its forms */
  count: number;
  nonInitial: number;
  strong: boolean;
  /** the name without its first word, as written, once per sighting (their keys are looked up only when needed) */
  tailSurfaces: string[];
  /** seen at a sentence start, not as a "Label:", followed by a verb ("Stripe raised") */
  initialNonLabel: boolean;
  /** ... by a verb that is no noun or adjective too ("Orbital raised", not "Annual recurring") */
  initialBeforeClearVerb: boolean;
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
const RUN_GAPS = new Set([" ", "\u00a0", "&", " &", "& ", " & ", ...["of", "de", "du", "van", "von", "der", "da", "del", "la"].map((w) => ` ${w} `)]);
/** Verbs that make a source of the name before them on their own ("Reuters said")... */
const REPORTER_VERBS = "said|says|told|tells|wrote|writes|noted|notes|added|adds|stated|states|argued|argues|claimed|claims|warned|warns|observed|observes|according";
/** ...and those that do only before "that", "as", "it" or a stop ("CNBC reported that"). */
const REPORTER_VERBS_BEFORE_CLAUSE = "reported|reports|estimated|estimates|predicted|predicts|found|finds|cited|cites|described|describes|calculated|calculates|concluded|concludes";
/**
 * A news source or analyst: "Reuters said", "CNBC reports", "Bloomberg reported that".
 * "Meta reported strong results" is a company reporting its own figures, not a source.
 */
const REPORTING_AFTER = new RegExp(
  String.raw`^\s*(?:,\s*)?(?:\p{Ll}+ly\s+)?(?:(?:${REPORTER_VERBS})\b|(?:${REPORTER_VERBS_BEFORE_CLAUSE})\b(?=\s*(?:that\b|as\b|it\b|,|\.|;|$|“|")))`,
  "u",
);
const REPORTER_VERB_SET = new Set(REPORTER_VERBS.split("|"));
const REPORTER_VERB_BEFORE_CLAUSE_SET = new Set(REPORTER_VERBS_BEFORE_CLAUSE.split("|"));

/** "Qingyun said it would spend ...", "Acme said on Tuesday that its ...": a company speaking of itself is the subject, not a source. */
const ABOUT_ITSELF_AFTER = /^\s*(?:said|says|added|noted|stated)\s+(?:(?:on|late on|early on)\s+\p{Lu}\p{Ll}+\s+)?(?:that\s+)?(?:it|its)\b/u;

function aboutItselfAfter(s: string, at: number): boolean {
  return ABOUT_ITSELF_AFTER.test(s.slice(at, at + 50));
}

/**
 * REPORTING_AFTER.test(s.slice(at)). After spaces and an optional comma the pattern needs either
 * one of its verbs or a "-ly" word and then one. An ASCII word that is not followed by another
 * script and does not end in "-ly" must be the verb itself, whole: the lists decide, and only
 * a verb that needs a clause after it is left to the regex. Any other ASCII character decides
 * it at once.
 */
function reportingAfter(s: string, at: number): boolean {
  const n = s.length;
  let k = at;
  while (k < n && isSpaceCode(s.charCodeAt(k))) k++;
  if (s.charCodeAt(k) === 44) {
    // (?:,\s*)?: nothing else can follow the spaces with a comma
    k++;
    while (k < n && isSpaceCode(s.charCodeAt(k))) k++;
  }
  if (k >= n) return false;
  const c = s.charCodeAt(k);
  if (c < 128) {
    if (!isAsciiLower(c)) return false;
    let j = k + 1;
    while (j < n && isAsciiLower(s.charCodeAt(j))) j++;
    const next = j < n ? s.charCodeAt(j) : -1;
    const ly = j - k >= 3 && s.charCodeAt(j - 2) === 108 && s.charCodeAt(j - 1) === 121;
    if (!ly && next < 128) {
      const w = s.slice(k, j);
      if (REPORTER_VERB_SET.has(w)) return !isRegexWordCode(next); // then \b
      if (!REPORTER_VERB_BEFORE_CLAUSE_SET.has(w)) return false;
    }
  }
  return REPORTING_AFTER.test(s.slice(at));
}
const APPOSITIVE_GAP = /^\s+(?:rival|competitor|partner|peer|unit|subsidiary|parent|affiliate|backer|investor|portfolio company)s?\s+$/;
const COORD_GAP = /^\s*(?:,\s*(?:and\s+|or\s+|&\s*)?|\s+(?:and|or|&)\s+|\s*[&/]\s*|\s+and\s+its\s+)$/;
/** /\b(?:[Ii]ts?)\b/g (a pronoun), or a determiner that can open a COMPANY_ANAPHOR or ROUND_ANAPHOR */
const PRONOUN_OR_DETERMINER = /\b(?:[Ii]ts?|[Tt]h(?:ese|is|at|e))\b/g;
const PRONOUN_SUBJECT_BEFORE_WORDS = new Set(["that", "and", "but", "said", "says", "as", "because", "while", "when", "where", "so", "which"]);

/**
 * /(?:^|[,;:—–(]|\b(?:that|and|...|which))\s*$/i on s.slice(max(0, at - 30), at): "it" opens a
 * clause. Past the spaces before `at` comes the slice's start, one of the marks, or a whole word
 * (\w being ASCII, and case folding never making ASCII of other letters, without the u flag).
 */
function pronounSubjectBefore(s: string, at: number): boolean {
  const lo = Math.max(0, at - 30);
  let q = at;
  while (q > lo && isSpaceCode(s.charCodeAt(q - 1))) q--;
  if (q === lo) return true;
  const c = s.charCodeAt(q - 1);
  if (c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013 || c === 40) return true;
  let p = q;
  while (p > lo && isRegexWordCode(s.charCodeAt(p - 1))) p--;
  return q - p >= 2 && q - p <= 7 && PRONOUN_SUBJECT_BEFORE_WORDS.has(s.slice(p, q).toLowerCase());
}

function letterCount(w: string): number {
  let n = 0;
  for (const ch of w) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  return n;
}

const isUpperChar = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLowerChar = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * The token text[at, end), at local offset s. Characters are read from `text`, the article, not
 * from the token's own slice: a slice is a short copy or a view, one-byte or two-byte, and a
 * string method called on that many kinds of string is looked up generically on every call
 * (measured: reading from the slice cost 6% of the extractor's instructions).
 */
function classify(text: string, at: number, end: number, s: number): Tok {
  const raw = text.slice(at, end);
  let base = raw;
  let poss = false;
  const rawLen = end - at;
  const last = text.charCodeAt(end - 1);
  const beforeLast = rawLen > 1 ? text.charCodeAt(end - 2) : 0;
  if ((last === 115 || last === 83) && (beforeLast === 0x2019 || beforeLast === 39) && rawLen > 2) {
    base = raw.slice(0, -2);
    poss = true;
  } else if (last === 0x2019 || last === 39) {
    base = raw.slice(0, -1);
    poss = rawLen > 1 && text.charCodeAt(end - 2) === 115; // base ends with "s"
  }
  let hyphenMod = false;
  // "Calgary-based", "Seoul-headquartered": the name before the suffix is a place
  let place = 0;
  if (hasHyphen(text, at, at + base.length)) {
    const hy = /^([^-]*\p{Lu}[^-]*)-(\p{Ll}[\p{L}-]*)$/u.exec(base);
    if (hy && hy[1]) {
      base = hy[1];
      hyphenMod = true;
      if (hy[2] === "based" || hy[2] === "headquartered") place = F_PLACE;
    }
  }
  let cap: Tok["cap"] = null;
  const baseLen = base.length;
  const c0 = text.charCodeAt(at);
  // ASCII fast path: the same decisions as below by character codes, in one pass, with no
  // case-mapped copies but the lowercase one.
  let ascii = true;
  let anyLower = false; // !asciiAllUpper
  let letters = 0; // asciiLetters
  let innerCap = false; // asciiInnerCap: [a-z][A-Z]
  let contraction = false; // /'[a-z]/
  let hyphen = false;
  let firstNonLower = -1;
  let prev = 0;
  for (let i = 0; i < baseLen; i++) {
    const c = text.charCodeAt(at + i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 97 && c <= 122) {
      anyLower = true;
      letters++;
      if (prev === 39) contraction = true;
    } else {
      if (firstNonLower < 0) firstNonLower = i;
      if (c >= 65 && c <= 90) {
        letters++;
        if (prev >= 97 && prev <= 122) innerCap = true;
      } else if (c === 45) hyphen = true;
    }
    prev = c;
  }
  if (ascii) {
    if (contraction) {
      // contraction
    } else if (isAsciiUpper(c0)) {
      cap = !anyLower && letters >= 2 ? "upper" : "title";
    } else if (isAsciiLower(c0) && firstNonLower > 0 && isAsciiUpper(text.charCodeAt(at + firstNonLower)) && !hyphen) {
      // /^[a-z]+[A-Z]/ (which has a capital, so not all lowercase)
      cap = "camel";
    }
    let known = ASCII_WORDS.get(base);
    if (known === undefined) {
      if (ASCII_WORDS.size >= ASCII_WORDS_MAX) ASCII_WORDS.clear();
      const low = base.toLowerCase();
      known = { low, f: wordFlags(low) };
      ASCII_WORDS.set(base, known);
    }
    return { s, e: s + rawLen, baseEnd: s + baseLen, base, poss, hyphenMod, cap, low: known.low, innerCap, idx: 0, head: undefined, f: known.f | place };
  }
  const first = base[0] ?? "";
  if ((base.includes("’") || base.includes("'")) && /['’]\p{Ll}/u.test(base)) {
    // "I’m", "Don’t": contractions, not names ("O’Brien" keeps its capital)
  } else if (isUpperChar(first)) {
    cap = base === base.toUpperCase() && letterCount(base) >= 2 ? "upper" : "title";
  } else if (isLowerChar(first) && base !== base.toLowerCase() && /^\p{Ll}+\p{Lu}/u.test(base) && !base.includes("-")) {
    cap = "camel";
  }
  const low = base.toLowerCase();
  return { s, e: s + raw.length, baseEnd: s + base.length, base, poss, hyphenMod, cap, low, innerCap: INNER_CAP.test(base), idx: 0, head: undefined, f: wordFlags(low) | place };
}

const INNER_CAP = /\p{Ll}\p{Lu}/u;

/**
 * The lowercase form and word flags of ASCII words as classify last saw them written: names
 * recur through an article, and lowercasing a slice of a two-byte article (one with curly
 * quotes) goes through ICU, while the flags are a lookup in a large table. Bounded: cleared
 * when full. A pure function's results, so any process may hold its own.
 */
const ASCII_WORDS = new Map<string, { low: string; f: number }>();
const ASCII_WORDS_MAX = 20_000;

/** text.slice(from, to).includes("-"), read in place (see classify). */
function hasHyphen(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 45) return true;
  return false;
}

/** w.toLowerCase(), without the call when w is ASCII with no capital (the call is slow on a two-byte string). */
function toLower(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return w.toLowerCase();
  }
  return w;
}

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

/**
 * Where a kept token can have its first capital: an ASCII capital, or a non-ASCII code unit that
 * upperAt may call one (it decides). U+0080–U+00BF and U+2000–U+206F (spaces, punctuation, quotes)
 * have no lowercase mapping, so upperAt is false for all of them.
 */
const CAPITAL_OR_WIDE = /[A-Z\u00c0-\u1fff\u2070-\uffff]/g;

const isTokenCode = (text: string, k: number): boolean => {
  const d = text.charCodeAt(k);
  return d < 128 ? ASCII_CLASS[d] !== 0 : isTokenCharAt(text, k);
};

/**
 * Words that can be part of a name: Capitalised, ACRONYM or camelCase ("xAI"). Reads the
 * sentence text[from, to) in place; offsets are local. A word is a maximal run of token
 * characters (letters, digits, & ' - . ’) from its first letter or digit; it is kept when it
 * starts with a capital or is camelCase (a capital within its first four characters). So only
 * runs holding a possible capital (CAPITAL_OR_WIDE) are looked at: a regex finds the next one,
 * skipping the lowercase text between, and the run around it is read as a one-pass scan over
 * every character would read it.
 */
function tokenize(text: string, from: number, to: number, sentence: string): Tok[] {
  const out: Tok[] = [];
  const n = to;
  let pos = from;
  while (pos < n) {
    // the regex searches the sentence (sentence === text.slice(from, to)), so never past its end
    CAPITAL_OR_WIDE.lastIndex = pos - from;
    if (!CAPITAL_OR_WIDE.test(sentence)) break;
    const at = from + CAPITAL_OR_WIDE.lastIndex - 1;
    if (!isTokenCode(text, at)) {
      pos = at + 1;
      continue;
    }
    // the run of token characters around `at`: [r, j)
    let r = at;
    while (r > pos && isTokenCode(text, r - 1)) r--;
    // the word starts at the run's first letter or digit
    let i = r;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 ? ASCII_CLASS[c] === ALNUM_CHAR : isAlnumAt(text, i)) break;
      if (c < 128 ? ASCII_CLASS[c] === 0 : !isTokenCharAt(text, i)) break;
      i++;
    }
    if (i >= n || !isAlnumAt(text, i)) {
      // no letter or digit before the run ends (at i)
      pos = i > at ? i : at + 1;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 128 ? ASCII_CLASS[d] === 0 : !isTokenCharAt(text, j)) break;
      j++;
    }
    let keep = upperAt(text, i);
    if (!keep && lowerAt(text, i)) {
      // camelCase: one to three lowercase letters, then a capital ("xAI", "iPhone", "eBay")
      let k = i + 1;
      while (k < j && k < i + 4 && lowerAt(text, k)) k++;
      keep = k < j && k <= i + 3 && upperAt(text, k);
    }
    if (keep) {
      let end = j;
      while (end > i + 1 && !isAlnumAt(text, end - 1)) end--;
      if (end < j && (text[end] === "'" || text[end] === "’")) end++; // "investors’"
      const t = classify(text, i, end, i - from);
      if (t.cap) {
        t.idx = out.length;
        out.push(t);
      }
    }
    pos = j;
  }
  return out;
}

/** RUN_GAPS.has(s.slice(from, to)), by character for the one-character gaps (" ", "\u00a0", "&"). */
function isRunGap(s: string, from: number, to: number): boolean {
  const c = s.charCodeAt(from);
  if (to - from === 1) return c === 32 || c === 0xa0 || c === 38;
  // the longer gaps all open with " " or "&": no slice for ", " or ". "
  return (c === 32 || c === 38) && RUN_GAPS.has(s.slice(from, to));
}

/** Runs of capitalised tokens joined by single spaces, "&" or a lowercase connector ("of"). */
function runs(s: string, toks: Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let run: Tok[] = [];
  for (const t of toks) {
    const prev = run.length ? run[run.length - 1] : undefined;
    if (prev && !prev.poss && !prev.hyphenMod && t.s - prev.e <= 5 && isRunGap(s, prev.e, t.s)) {
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
const isGenericToken = (t: Tok): boolean => (t.f & F_GENERIC) !== 0;

/**
 * "Osaka Gas", "Qatar Airways", "Panama Canal Authority", "Texas Instruments": a place (only a
 * place, not a nationality or an acronym) right before capitalised words of a name that are not
 * generic themselves starts that name, and is kept.
 */
function placeStartsName(seg: readonly Tok[]): boolean {
  const first = seg[0] as Tok;
  if (seg.length < 2 || (first.f & F_GENERIC) !== F_PLACE || first.poss) return false;
  const next = seg[1] as Tok;
  return (next.f & F_GENERIC) === 0 && next.cap === "title";
}

/** A sentence's name runs split into the parts that can name an organisation and the names of people, in text order. */
type Segments = { orgs: Tok[][]; persons: Tok[][] };

/** A sentence's text, and its words that can be part of a name. */
type Tokenized = { s: string; toks: Tok[] };

/** ", an analyst at ...", ", the chief executive of ...": what follows a person's name, never a company's. */
const PERSON_APPOSITIVE =
  /^,\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:analyst|economist|strategist|professor|spokes(?:person|man|woman)|columnist|correspondent|executive|founder|co-founder|cofounder|director|lawyer|attorney)\s+(?:at|of|with|for)\b/u;

/** A name of two or three words followed by a person's job ("Neha Bhandari, an analyst at ..."), unless it ends like a company's. */
function personAppositiveAfter(s: string, seg: Tok[]): boolean {
  const last = seg[seg.length - 1] as Tok;
  if (seg.length < 2 || last.f & (F_ORG_SUFFIX | F_LEGAL) || s.charCodeAt(last.e) !== 44) return false; // ","
  return PERSON_APPOSITIVE.test(s.slice(last.e, last.e + 80));
}

/**
 * ", a 600 MW floating wind farm", ", the group's lead drug": a name introduced as a project, a
 * plant or a product. The words before the noun say what it is like, not what it makes ("a maker
 * of wind farm turbines", "a wind farm developer" are companies).
 */
const ASSET_APPOSITIVE =
  /^,\s+(?:an?|the|its|their)\s+(?:(?!(?:of|for|that|which|who|with)\b)[\p{L}\p{N}.’'-]+\s+){0,6}?(?:wind farm|solar farm|solar park|wind park|project|power plant|plant|mine|oil ?field|gas field|campus|data cent(?:er|re)|facility|factory|terminal|pipeline|reactor|drug|treatment|therapy|vaccine|device)s?\b(?!\s+(?:developer|operator|owner|maker|company|group|firm|builder|manufacturer|producer|supplier|investor|fund)s?\b)/u;

/** "a plant in Sorriso", "headquartered in Calgary", "mills near Ribeirao": the name that follows is a place. */
const PLACE_BEFORE = /\b(?:plants?|factor(?:y|ies)|mills?|sites?|facilit(?:y|ies)|campus(?:es)?|stadiums?|refiner(?:y|ies)|mines?|warehouses?|offices?|headquarters|hubs?|based|headquartered|located)\s+(?:in|near|outside)\s+$/i;

/** Lowercase words ending in a kind of company, then a name: "electronics group Rheinwerk", "chip maker Arvane". */
const DESCRIBES_NAME_AFTER =
  / (?:[a-z-]+ ){0,3}(?:group|maker|firm|company|lender|bank|insurer|operator|developer|producer|manufacturer|supplier|provider|giant|conglomerate|start-?up|specialist|retailer|publisher|carrier|fund|subsidiary) \p{Lu}/uy;

/** DESCRIBES_NAME_AFTER at `at` of s (read in place: most names are followed by a verb, which fails it at once). */
function describesNameAfter(s: string, at: number): boolean {
  const c = s.charCodeAt(at + 1);
  if (s.charCodeAt(at) !== 32 || c < 97 || c > 122) return false;
  DESCRIBES_NAME_AFTER.lastIndex = at;
  return DESCRIBES_NAME_AFTER.test(s);
}

/** A verb right after a name: "Halvorsen said", "Halvorsen will". */
const ACTS_AFTER = /^\s+(?:said|says|will|would|has|had|is|was|agreed|announced|reported|raised|plans?|expects?)\b/;

/** Between two places of a list ("Sorriso, Mato Grosso", "Sao Paulo, Goias and ..."), or two words of a place ("Mato Grosso do Sul"). */
const PLACE_LIST_GAP = /^(?:, | and |, and | (?:do|da|de|del|di|dos|das|du) )$/;

function placeBefore(s: string, at: number): boolean {
  // the name follows "in ", "near " or "outside ": looked at before the pattern
  if (at < 4 || s.charCodeAt(at - 1) !== 32) return false;
  const c = s.charCodeAt(at - 2);
  if (c !== 110 && c !== 114 && c !== 101) return false; // "in", "near", "outside"
  return PLACE_BEFORE.test(s.slice(Math.max(0, at - 40), at));
}

/**
 * "its Brampton, Ontario, distribution hub", "a plant in Austin, Texas": a name of one or two
 * words right before a comma and a known place (not "Texas-based", and not a name that goes on,
 * "Texas Instruments") is a place in that region.
 */
function regionAfter(s: string, toks: readonly Tok[], seg: readonly Tok[]): boolean {
  const last = seg[seg.length - 1] as Tok;
  const next = toks[last.idx + 1];
  if (seg.length > 2 || !next || next.hyphenMod || next.poss || next.cap !== "title" || !(next.f & F_PLACE)) return false;
  if (s.charCodeAt(last.e) !== 44 || next.s !== last.e + 2) return false; // ", "
  // the place closes its phrase: ", Ontario," or ", Texas." (not "Koralik Group, Poland's largest …")
  const c = next.e < s.length ? s.charCodeAt(next.e) : 46;
  return c === 44 || c === 46 || c === 59 || c === 41;
}

/** Are `a` the first words of `b`, and fewer? */
function isWordPrefix(a: readonly string[], b: readonly string[]): boolean {
  return a.length < b.length && a.every((w, i) => w === b[i]);
}

/** "(LFP)" right after a lowercase word: an acronym that glosses the words before it, as a company's follows its capitalised name. */
function termGloss(s: string, t: Tok): boolean {
  if (s.charCodeAt(t.s - 1) !== 40 || s.charCodeAt(t.e) !== 41) return false; // "(" and ")"
  let k = t.s - 1;
  while (k > 0 && s.charCodeAt(k - 1) === 32) k--;
  // the word before, from its first letter: lowercase ("phosphate"), not a name ("Services")
  let w = k;
  while (w > 0 && isAsciiLower(s.charCodeAt(w - 1))) w--;
  return w < k && !isAsciiUpper(s.charCodeAt(w - 1)) && !isRegexWordCode(s.charCodeAt(w - 1));
}

function assetAppositiveAfter(s: string, last: Tok): boolean {
  return s.charCodeAt(last.e) === 44 && ASSET_APPOSITIVE.test(s.slice(last.e, last.e + 120)); // ","
}

/** Capitalised number words that end names ("Capital One", "Channel Four"); otherwise they break a run. */
const NAME_NUMBER_WORDS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]);

/** Splits a run into organisation parts and people's names, added to the sentence's `into`. */
function segment(run: Tok[], into: Segments): void {
  const { orgs, persons } = into;
  // Most runs are one word (names are rare): the general loop below gives exactly this.
  if (run.length === 1) {
    const t = run[0] as Tok;
    if (!(t.cap && t.f & (F_ROLE | F_STOP))) orgs.push(run);
    return;
  }
  let cur: Tok[] = [];
  const flush = (): void => {
    if (!cur.length) return;
    orgs.push(cur);
    cur = [];
  };
  let i = 0;
  while (i < run.length) {
    const t = run[i] as Tok;
    if (t.cap && t.f & F_ROLE) {
      flush();
      let j = i + 1;
      while (j < run.length && (run[j] as Tok).f & F_ROLE) j++;
      // "Chief Financial Officer Marta Kühn": title words up to the word that ends the title.
      for (let k = j; k < Math.min(run.length, j + 3); k++) {
        if ((run[k] as Tok).f & F_TITLE_END) {
          j = k + 1;
          break;
        }
      }
      const p: Tok[] = [];
      while (j < run.length && p.length < 3) {
        const n = run[j] as Tok;
        if (n.cap !== "title" || n.f & F_STOP) break;
        p.push(n);
        j++;
        if (n.poss) break;
      }
      if (p.length) persons.push(p);
      i = j;
      continue;
    }
    // "Capital One", "Formula One": a number word right after a name is the end of that name.
    if (t.cap && t.f & F_STOP && !(cur.length && t.cap === "title" && NAME_NUMBER_WORDS.has(t.low))) {
      flush();
      i++;
      continue;
    }
    cur.push(t);
    i++;
  }
  flush();
}

/** "Users of Codex", "Shares of Acme": a common noun and "of" before a name are not part of it. */
function dropCommonOfPrefix(s: string, seg: Tok[]): Tok[] {
  for (let i = 1; i < seg.length; i++) {
    const gap = s.slice((seg[i - 1] as Tok).e, (seg[i] as Tok).s);
    if (gap !== " of ") continue;
    const prefix = seg.slice(0, i);
    if (prefix.every((t) => (t.f & (F_OPENER | F_COMMON | F_GENERIC)) !== 0)) return seg.slice(i);
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
  if (toks.some((t) => t.cap === "upper" && lettersIn(t.base) <= 7 && !isGenericToken(t))) return true;
  const last = toks[toks.length - 1];
  return toks.length >= 2 && !!last && (last.f & F_ORG_SUFFIX) !== 0;
}

/** w.replace(/[^\p{L}]/gu, "").length: counted by code for ASCII. */
function lettersIn(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return w.replace(/[^\p{L}]/gu, "").length;
    if (isAsciiUpper(c) || isAsciiLower(c)) n++;
  }
  return n;
}

/** Words of a name said only at sentence starts: none may end so ("Following", "Separately", "Expected"), nor the first in -ing. */
const NOT_A_NAME_WORD = /(?:ly|ed|tion|sion|ment|ness|ity)$/;
const NOT_A_FIRST_NAME_WORD = /(?:ing|ly|ed|tion|sion|ment|ness|ity)$/;
/** An adjective's ending ("Annual", "Preliminary", "Additional"). */
const ADJECTIVE_WORD = /(?:ary|ive|ous|ful|able|ible)$|^\p{L}{4,}al$/u;
/** A verb right after a name that an adjective would not be followed by ("Orbital raised", "Signal said", "Vital will", "Vantage is"). */
const CLEAR_VERB_AFTER = /^\s+(?:[a-z]+ed|sold|won|made|rose|fell|said|says|took|bought|paid|is|was|has|had|will|would|plans|agreed|expects)\b/;

/** 'under the ticker "LMFD"', "(Nasdaq: LMFD)": a trading symbol, not another company. */
const TICKER_BEFORE = /(?:\b(?:ticker|symbol)\s*:?|\b(?:NYSE|Nasdaq|NASDAQ|ASX|TSX|LSE|HKEX|SGX|NSE|BSE)\s*:)\s*["“'‘]?$/;
/** An exchange named before a ticker ("(NYSE: NXO)"): the exchange, not a company of the story. */
const EXCHANGES = new Set(["nyse", "nasdaq", "asx", "tsx", "lse", "hkex", "sgx", "nse", "bse"]);

function tickerBefore(s: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
  const c = s.charCodeAt(i);
  // (a quote or a colon after the word, or the word itself: "ticker", "symbol")
  if (c === 114) return s.startsWith("ticker", i - 5);
  if (c === 108) return s.startsWith("symbol", i - 5);
  if (c !== 34 && c !== 0x201c && c !== 39 && c !== 0x2018 && c !== 58) return false;
  return TICKER_BEFORE.test(s.slice(Math.max(0, at - 24), at));
}

/** /(?:ing|ed|ly)$/.test(w) */
const endsWithIngEdLy = (w: string): boolean => w.endsWith("ing") || w.endsWith("ed") || w.endsWith("ly");

/** "R4.8bn", "R15.00", "R900m-R1.1bn", "Rp1,185": a local currency sign glued to a number (see money.ts) is an amount, not a name. */
const AMOUNT_LIKE_KEY = /^(?:r|rp|rm|ksh)\d+(?:bn|mn|m|k|tn|b)?(?: (?:r|rp|rm|ksh)\d+(?:bn|mn|m|k|tn|b)?)*$/;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

function rejectedName(key: string, toks: Tok[]): boolean {
  if (!key || key.length < 2) return true;
  // a single word's key is mostly its token's lowercase form, whose flags are known
  const only = toks.length === 1 ? (toks[0] as Tok) : undefined;
  const f = only && only.low === key ? only.f : wordFlags(key);
  if (f & (F_CURRENCY | F_GENERIC)) return true;
  // (an "r" or "k" and a digit among the next three characters first: this runs for every candidate name)
  if ((key.charCodeAt(0) === 114 || key.charCodeAt(0) === 107) && (isDigitCode(key.charCodeAt(1)) || isDigitCode(key.charCodeAt(2)) || isDigitCode(key.charCodeAt(3))) && AMOUNT_LIKE_KEY.test(key)) return true;
  if (toks.every((t) => isGenericToken(t))) return true;
  let split = false;
  for (let i = 0; i < key.length && !split; i++) split = isSpaceOrHyphen(key.charCodeAt(i)); // [\s-]
  if (!split) return (f & (F_GENERIC | F_CONNECTOR | F_COMPASS)) !== 0; // key.split(/[\s-]+/) is [key]
  // every part of key.split(/[\s-]+/) (a regex split is slow: it tries the regex at every position)
  let from = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length && !isSpaceOrHyphen(key.charCodeAt(i))) continue;
    if (!(wordFlags(key.slice(from, i)) & (F_GENERIC | F_CONNECTOR | F_COMPASS))) return false;
    while (i + 1 < key.length && isSpaceOrHyphen(key.charCodeAt(i + 1))) i++;
    from = i + 1;
  }
  return true;
}

const isSpaceOrHyphen = (c: number): boolean => c === 45 || isSpaceCode(c);

/**
 * A wire story's dateline ("BERGEN, Norway, 14 February 2026 -", "OSLO, Feb 12 (Wire) -") names
 * where it was filed: its capitals are a place, not a company.
 */
const DATELINE = /^\s*\p{Lu}[\p{Lu}.'’/ -]*\p{Lu}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*[^\n]{1,40}?\s[-–—]\s/u;

function withoutDateline(s: string, toks: Tok[]): Tok[] {
  const c = s.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && c < 128) return toks;
  // After an ASCII capital the dateline goes on with [\p{Lu}.'’/ -]: any other ASCII character
  // there ("The", "In") rules it out without the regex.
  if (c < 128) {
    const d = s.charCodeAt(1);
    if (d < 128 && !isAsciiUpper(d) && d !== 46 && d !== 39 && d !== 47 && d !== 32 && d !== 45) return toks;
  }
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
function initialTokens(s: string, toks: Tok[]): boolean[] {
  // by token index, on the sentence s (local offsets)
  const out: boolean[] = [];
  let sawLower = false;
  let prevEnd = 0;
  // The resets, found in order by a regex (cheaper than a loop over every character of the
  // gaps); nextReset is the first not yet passed, or -1.
  RESET_CHAR.lastIndex = 0;
  let nextReset = RESET_CHAR.test(s) ? RESET_CHAR.lastIndex - 1 : -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    const ts = t.s;
    let from = prevEnd;
    // the last reset in [prevEnd, ts)
    let reset = -1;
    while (nextReset >= 0 && nextReset < ts) {
      if (nextReset >= prevEnd) reset = nextReset;
      nextReset = RESET_CHAR.test(s) ? RESET_CHAR.lastIndex - 1 : -1;
    }
    if (reset >= 0) {
      sawLower = false;
      from = reset + 1;
    }
    if (!sawLower && gapHasListOrLowerWord(s, from, ts)) sawLower = true; // a list, or a lowercase word
    out.push(!sawLower);
    prevEnd = t.e;
  }
  return out;
}

/** What starts a name afresh: ":", "|", an opening quote or bracket. */
const RESET_CHAR = /[:|"([\u201c\u2018]/g;

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

/** What follows a company name that opens a sentence: a verb, an apposition, a list or a label colon. */
const VERB_AFTER_LIST = "and|is|was|has|had|have|are|were|will|would|could|can|may|might|should|must|also|said|says|plans?|wants?|expects?|hopes?|aims?|agreed|announced|reported|raised|secured|closed|led|now|just|still|sold|bought|paid|won|made|took|gave|grew|fell|rose|cut|hit|set|kept|struck|sank|lost|built|spent|shut|began|became|chose|drew|saw|sought|wrote|told";
const VERB_AFTER = new RegExp(String.raw`^(?:\s*[,(&]|\s*:\s+\p{L}|\s+\p{Ll}+ly\s+\p{Ll}+|\s+(?:${VERB_AFTER_LIST})\b|\s+\p{Ll}+(?:s|ed|ing)\b)`, "u");
/** The words of VERB_AFTER's list ("plans?" as "plan" and "plans"). */
const VERB_AFTER_WORDS = new Set(VERB_AFTER_LIST.split("|").flatMap((w) => (w.endsWith("?") ? [w.slice(0, -2), w.slice(0, -1)] : [w])));

/**
 * VERB_AFTER.test(s.slice(at, at + 24)), matched by hand for ASCII text: after spaces, one of
 * , ( & decides at once, ":" needs spaces and a letter, and a lowercase word decides by its
 * ending ("-s", "-ed", "-ing", "-ly" and another word) or by the list. A non-ASCII letter where
 * it matters is left to the regex.
 */
function verbAfter(s: string, at: number): boolean {
  const lim = Math.min(s.length, at + 24); // the regex sees only the 24 characters from `at`
  let k = at;
  while (k < lim && isSpaceCode(s.charCodeAt(k))) k++;
  if (k >= lim) return false;
  const c = s.charCodeAt(k);
  if (c === 44 || c === 40 || c === 38) return true; // \s*[,(&]
  if (c >= 128) return VERB_AFTER.test(s.slice(at, lim));
  if (c === 58) {
    // \s*:\s+\p{L}
    let m = k + 1;
    while (m < lim && isSpaceCode(s.charCodeAt(m))) m++;
    if (m === k + 1 || m >= lim) return false;
    const d = s.charCodeAt(m);
    return d < 128 ? isAsciiUpper(d) || isAsciiLower(d) : VERB_AFTER.test(s.slice(at, lim));
  }
  if (!isAsciiLower(c) || k === at) return false; // the word alternatives need \s+ and then \p{Ll}
  // the lowercase word [k, j), and the character after it (-1 at the window's end)
  let j = k + 1;
  while (j < lim && isAsciiLower(s.charCodeAt(j))) j++;
  const next = j < lim ? s.charCodeAt(j) : -1;
  if (next >= 128) return VERB_AFTER.test(s.slice(at, lim)); // the word may go on in another script
  const len = j - k;
  if (!isRegexWordCode(next)) {
    // \p{Ll}+(?:s|ed|ing)\b, or a listed word, then \b: both must end where the word does
    const z = s.charCodeAt(j - 1);
    const y = s.charCodeAt(j - 2);
    if (z === 115 && len >= 2) return true;
    if (z === 100 && y === 101 && len >= 3) return true;
    if (z === 103 && y === 110 && s.charCodeAt(j - 3) === 105 && len >= 4) return true;
    if (VERB_AFTER_WORDS.has(s.slice(k, j))) return true;
  }
  // \p{Ll}+ly\s+\p{Ll}+ ("quickly said")
  if (len >= 3 && s.charCodeAt(j - 2) === 108 && s.charCodeAt(j - 1) === 121 && isSpaceCode(next)) {
    let m = j + 1;
    while (m < lim && isSpaceCode(s.charCodeAt(m))) m++;
    if (m >= lim) return false;
    const d = s.charCodeAt(m);
    return d < 128 ? isAsciiLower(d) : VERB_AFTER.test(s.slice(at, lim));
  }
  return false;
}

/** The word before `at`, past spaces and one ":" or ",", lowercased ("Editor: Sandy" -> "editor"). */
function wordBeforeLabel(s: string, at: number): string {
  let k = at;
  while (k > 0 && (s[k - 1] === " " || s[k - 1] === ":" || s[k - 1] === ",")) k--;
  let j = k;
  while (j > 0 && (isAlnumAt(s, j - 1) || s[j - 1] === ".")) j--;
  const w = toLower(s.slice(j, k));
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
  /** short name -> full name: "Arvane" -> "arvane semiconductor" when the article named it in full first */
  private readonly alias = new Map<string, string>();
  private readonly perSentence: Mention[][] = [];
  /** names introduced as a project, a plant or a product ("Scilla Offshore, a 600 MW wind farm"), not a company */
  private readonly assets = new Set<string>();
  /** acronyms that gloss a term in brackets ("lithium iron phosphate (LFP)", "electric vehicles (EVs)"): never a company */
  private readonly glossed = new Set<string>();
  /** names written where a place goes ("a plant in Sorriso", "based in Calgary"): never a company */
  private readonly placesNamed = new Set<string>();
  readonly focus: string | null;

  private readonly tokenized: Array<Tokenized | undefined> = [];
  private readonly segments: Array<Segments | undefined> = [];
  /** first words of the names in the lexicon */
  private readonly starts = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
  ) {
    sentences.forEach((st, i) => {
      if (st.headline) return; // (tokenized only if its mentions are asked for)
      if (st.table && !st.table.header) return; // a table's header row names columns, not companies
      const t = this.tokensOf(i);
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
    // The focus: the accepted name said most often, the first seen on a tie. Whether a name is
    // accepted (which may mean searching the article) is decided here only for a name that would
    // beat the best so far; mentions, found per sentence on demand, decide the others they meet.
    const counts = new Map<string, number>();
    const firstSeen = new Map<string, number>();
    for (const [key, e] of this.lex) {
      const canon = this.canon(key);
      counts.set(canon, (counts.get(canon) ?? 0) + e.count);
      firstSeen.set(canon, Math.min(firstSeen.get(canon) ?? Infinity, e.first));
    }
    let focus: string | null = null;
    let best = 0;
    let bestFirstSeen = Infinity;
    for (const [key, n] of counts) {
      const seen = firstSeen.get(key) ?? 0;
      if ((n > best || (n === best && seen < bestFirstSeen)) && this.isAccepted(key)) {
        focus = key;
        best = n;
        bestFirstSeen = seen;
      }
    }
    this.focus = focus;
  }

  /** Whether the article introduced the organisation as a project, a plant or a product. */
  isAsset(key: string): boolean {
    return this.assets.size > 0 && this.assets.has(key);
  }

  mentions(sentenceIndex: number): Mention[] {
    const known = this.perSentence[sentenceIndex];
    if (known) return known;
    const st = this.sentences[sentenceIndex];
    const ms = st ? this.detect(st, this.tokensOf(sentenceIndex).s, this.segmentsOf(sentenceIndex)) : [];
    this.perSentence[sentenceIndex] = ms;
    return ms;
  }

  displayName(key: string): string {
    let name = this.display.get(key);
    if (name === undefined) {
      // display names are chosen when first asked for (most names are never shown)
      const f = this.formsOf(key);
      name = f ? chooseDisplay(f) : key;
      this.display.set(key, name);
    }
    return name;
  }

  /** The written forms an accepted name is displayed from: its own, unless it was merged into a longer one. */
  private formsOf(key: string): Map<string, number> | undefined {
    const own = this.lex.get(key);
    if (!own || !this.isAccepted(key)) return undefined;
    if (this.canon(key) === key) return formsOfEntry(own);
    // (a short name that is itself the full name of a shorter one: the forms of the first name merged into it)
    for (const [k, e] of this.lex) if (this.canon(k) === key) return formsOfEntry(e);
    return undefined;
  }

  /** A sentence's text and name tokens, read when first needed. */
  private tokensOf(i: number): Tokenized {
    let t = this.tokenized[i];
    if (!t) {
      const st = this.sentences[i] as Sentence;
      const s = this.text.slice(st.start, st.end);
      t = { s, toks: withoutDateline(s, tokenize(this.text, st.start, st.end, s)) };
      this.tokenized[i] = t;
    }
    return t;
  }

  /** `labelCellEnd`: in a table row, the end of the first cell (a row label), else -1. */
  /** The name runs of a sentence split into organisations and people, computed once for both passes. */
  private segmentsOf(i: number): Segments {
    let segs = this.segments[i];
    if (!segs) {
      const t = this.tokensOf(i);
      segs = { orgs: [], persons: [] };
      for (const run of runs(t.s, t.toks)) segment(run, segs);
      this.segments[i] = segs;
    }
    return segs;
  }

  private collect(s: string, segs: Segments, toks: Tok[], labelCellEnd: number, titleLine: boolean): void {
    // (only the first token of a name is asked about: worked out when a sentence has a name)
    let initial: boolean[] | undefined;
    // (people first: whether a name is a person's is read only after every sentence is collected)
    for (const p of segs.persons) this.addPerson(surfaceOf(s, p));
    // where the last place named ends: "a plant in Sorriso, Mato Grosso" names two places, "mills in Goias and Sao Paulo" too
    let placeEnd = -1;
    for (let seg of segs.orgs) {
      const firstTok = seg[0] as Tok;
      if (seg.length <= 3 && seg.every((t) => t.cap === "title")) {
        if (ROLE_WORDS.has(wordBeforeLabel(s, firstTok.s)) || personAppositiveAfter(s, seg)) {
          this.addPerson(surfaceOf(s, seg));
          continue;
        }
      }
      initial ??= initialTokens(s, toks);
      const segInitial = initial[firstTok.idx] === true;
      // "Defence electronics group Rheinwerk Defence invested": the opening word describes the name after it.
      if (segInitial && seg.length === 1 && describesNameAfter(s, firstTok.e)) continue;
      // "Separately Apple ...", "Following Nvidia ...": an opening adverb or participle, but not "Streamly Inc".
      const secondFlags = (seg[1] ?? firstTok).f;
      if (
        segInitial &&
        seg.length >= 2 &&
        firstTok.cap === "title" &&
        endsWithIngEdLy(firstTok.base) &&
        !(secondFlags & (F_ORG_SUFFIX | F_LEGAL))
      ) {
        seg = seg.slice(1);
      }
      while (seg.length && (isGenericToken(seg[0] as Tok) || (seg.length > 1 && (seg[0] as Tok).f & F_LEADING)) && !placeStartsName(seg)) seg = seg.slice(1);
      seg = dropCommonOfPrefix(s, seg);
      if (!seg.length) continue;
      const surface = seg.length === 1 ? (seg[0] as Tok).base : surfaceOf(s, seg); // (a word's base is its surface)
      const key = seg.length === 1 && asciiLettersOnly(surface) ? (seg[0] as Tok).low : entityKey(surface);
      if (rejectedName(key, seg)) {
        // a known place in a list ("mills in Sao Paulo, Goias and Mato Grosso"): the names listed after it are places too
        if ((seg.length === 1 ? (seg[0] as Tok).f : wordFlags(key)) & F_PLACE) placeEnd = (seg[seg.length - 1] as Tok).e;
        continue;
      }
      // "HK$6.2 billion", "NZ$40 million": letters before a dollar sign name its currency, not a company.
      if (s.charCodeAt((seg[seg.length - 1] as Tok).e) === 36) continue;
      if (seg.length === 1 && firstTok.cap === "upper" && termGloss(s, firstTok)) {
        this.glossed.add(key);
        continue;
      }
      const segStart = (seg[0] as Tok).s;
      if (tickerBefore(s, segStart)) continue;
      // ("NYSE:" before a ticker)
      if (seg.length === 1 && s.charCodeAt((seg[0] as Tok).e) === 58 && EXCHANGES.has((seg[0] as Tok).low)) continue;
      // (a name that acts, "… in Sorriso, Halvorsen said", is not in the list of places)
      const listed = placeEnd >= 0 && segStart - placeEnd <= 6 && PLACE_LIST_GAP.test(s.slice(placeEnd, segStart)) && !ACTS_AFTER.test(s.slice((seg[seg.length - 1] as Tok).e, (seg[seg.length - 1] as Tok).e + 20));
      if (placeBefore(s, segStart) || listed || regionAfter(s, toks, seg)) {
        this.placesNamed.add(key);
        placeEnd = (seg[seg.length - 1] as Tok).e;
        continue;
      }
      if (assetAppositiveAfter(s, seg[seg.length - 1] as Tok)) this.assets.add(key);
      const known = this.lex.get(key);
      const e: LexEntry = known ?? {
        form: surface,
        formCount: 0,
        otherForms: null,
        count: 0,
        nonInitial: 0,
        strong: false,
        tailSurfaces: [],
        initialNonLabel: false,
        initialBeforeClearVerb: false,
        words: seg.map((t) => lower(t)),
        first: this.lex.size,
        firstAt: this.sightings,
        firstBodyAt: Infinity,
      };
      if (!titleLine && e.firstBodyAt === Infinity) e.firstBodyAt = this.sightings;
      this.sightings++;
      e.count++;
      if (surface === e.form) e.formCount++;
      else {
        e.otherForms ??= new Map();
        e.otherForms.set(surface, (e.otherForms.get(surface) ?? 0) + 1);
      }
      if (!segInitial || initial[(seg[0] as Tok).idx] !== true) e.nonInitial++;
      const isLabel = segInitial && colonAfter(s, (seg[seg.length - 1] as Tok).e);
      const lastTok = seg[seg.length - 1] as Tok;
      const rowLabel = lastTok.e <= labelCellEnd;
      if (rowLabel || (segInitial && (lastTok.poss || verbAfter(s, lastTok.e)))) {
        e.initialNonLabel = true;
        if (!e.initialBeforeClearVerb && seg.length === 1 && CLEAR_VERB_AFTER.test(s.slice(lastTok.e, lastTok.e + 16))) e.initialBeforeClearVerb = true;
      }
      if (isStrong(seg) && !(isLabel && !seg.some((t) => t.cap === "camel" || t.innerCap))) e.strong = true;
      if (seg.length >= 2) e.tailSurfaces.push(s.slice((seg[1] as Tok).s, lastTok.baseEnd)); // surfaceOf(s, seg.slice(1))
      if (!known) this.lex.set(key, e); // (setting a known key again changes nothing)
    }
  }

  /**
   * A name seen only at sentence starts ("Stripe raised ..."): accepted when none of its
   * words is a common opener, an -ing/-ly/-ed/-tion word, or a word the article also uses
   * in lowercase (which "Revenue" or "Shares" would be).
   */
  private looksLikeName(e: LexEntry): boolean {
    if (!e.initialNonLabel) return false;
    // the tests on the words themselves first: a search of the article may then be spared
    // (a number word that ends a name, "Capital One", is judged by the words before it)
    const words = e.words.length > 1 && NAME_NUMBER_WORDS.has(e.words[e.words.length - 1] as string) ? e.words.slice(0, -1) : e.words;
    const oneBeforeVerb = words.length === 1 && e.initialBeforeClearVerb;
    return (
      // (an -ing word after the first is the name's own: "Orla Shipping", "Kestrel Mining")
      // (a word in "-ed" alone right before a clear verb is a name: "Reed raised", "Infrared said"; not "Subscription is")
      words.every((w, i) => w.length > 1 && !(wordFlags(w) & (F_OPENER | F_COMMON | F_STOP)) && ((oneBeforeVerb && w.endsWith("ed")) || !(i === 0 ? NOT_A_FIRST_NAME_WORD : NOT_A_NAME_WORD).test(w))) &&
      // (nor an adjective alone: "Annual recurring revenue reached", "Preliminary figures showed", unless
      // a clear verb follows it: "Orbital raised"; in a longer name it is the name's own word: "Kelp Digital")
      !(words.length === 1 && !e.initialBeforeClearVerb && ADJECTIVE_WORD.test(words[0] as string)) &&
      words.every((w) => !this.usedInLowercase(w))
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
    /** short name -> the full names it may stand for */
    const fullNames = new Map<string, string[]>();
    for (const [key, e] of this.lex) {
      if (e.words.length < 2 || e.words.length > 3 || this.persons.has(key)) continue;
      // The dropped words are a company suffix ("Semiconductor") or, for a name never used
      // otherwise, any capitalised word ("Verdant Power" ... "Verdant").
      const first = e.words[0] ?? "";
      if (wordFlags(first) & (F_OPENER | F_COMMON | F_STOP | F_GENERIC | F_ROLE)) continue;
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
      const names = fullNames.get(short);
      if (names) names.push(key);
      else fullNames.set(short, [key]);
    }
    for (const [short, names] of fullNames) {
      // Two full names that share the short one are one company when the shorter is the longer
      // cut short ("Marjan Sports" of "Marjan Sports Network"); any others make it ambiguous.
      let longest = names[0] as string;
      for (const n of names) if (n.length > longest.length) longest = n;
      const words = (this.lex.get(longest) as LexEntry).words;
      if (!names.every((n) => n === longest || isWordPrefix((this.lex.get(n) as LexEntry).words, words))) continue;
      this.alias.set(short, longest);
      for (const n of names) if (n !== longest) this.alias.set(n, longest);
    }
    this.findLastWordAliases();
    this.findShortenedAliases();
  }

  /**
   * "Saffron Peak Capital ... Saffron Peak is putting in $110 million": a name of two or more
   * words that starts a longer name written before it is that name cut short, when no other
   * longer name starts with it. (One word cut to its first is findAliases' case.)
   */
  private findShortenedAliases(): void {
    // the names of three words or more, by their first word: the only names another can cut short
    const byFirst = new Map<string, string[]>();
    for (const [k, x] of this.lex) {
      if (x.words.length < 3) continue;
      const list = byFirst.get(x.words[0] as string);
      if (list) list.push(k);
      else byFirst.set(x.words[0] as string, [k]);
    }
    if (!byFirst.size) return;
    for (const [key, e] of this.lex) {
      if (e.words.length < 2 || this.alias.has(key) || this.persons.has(key)) continue;
      const candidates = byFirst.get(e.words[0] as string);
      if (!candidates) continue;
      const longer = candidates.filter((k) => {
        const x = this.lex.get(k) as LexEntry;
        return isWordPrefix(e.words, x.words) && x.firstAt < e.firstBodyAt && !this.persons.has(k);
      });
      if (longer.length !== 1) continue;
      const full = this.alias.get(longer[0] as string) ?? (longer[0] as string);
      if (this.isAccepted(full)) this.alias.set(key, full);
    }
  }

  /**
   * "Maison Verlaine ... Verlaine", "Banco Ardén ... Ardén": a two-word name shortened to its
   * last word, when the article uses that word alone only after the full name, never uses the
   * first word alone, and no other name could own the short one (the first-word rule above
   * goes first).
   */
  private findLastWordAliases(): void {
    const firstWords = new Set<string>();
    for (const e of this.lex.values()) if (e.words.length >= 2) firstWords.add(e.words[0] as string);
    const claimed = new Map<string, string | null>();
    for (const [key, e] of this.lex) {
      if (e.words.length !== 2 || this.persons.has(key)) continue;
      const [first, last] = e.words as [string, string];
      if (wordFlags(last) & (F_OPENER | F_COMMON | F_STOP | F_GENERIC | F_ROLE) || MEASURE_WORD.test(last)) continue;
      const short = entityKey(last);
      if (!short || short === key || this.alias.has(short) || firstWords.has(last) || this.lex.has(entityKey(first))) continue;
      const se = this.lex.get(short);
      if (!se || se.firstBodyAt < e.firstAt || this.persons.has(short) || !this.isAccepted(key)) continue;
      claimed.set(short, claimed.has(short) ? null : key); // two full names ending in it: ambiguous
    }
    for (const [short, key] of claimed) if (key !== null) this.alias.set(short, key);
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
    return e.words.slice(1).every((w) => w.length > 2 && !(wordFlags(w) & (F_COMMON | F_STOP | F_GENERIC | F_ROLE)) && !MEASURE_WORD.test(w));
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
    // (a person's name is ruled out before the words are looked for in the article)
    let ok = !!e && !this.persons.has(key) && !(this.glossed.size > 0 && this.glossed.has(key)) && !(this.placesNamed.size > 0 && this.placesNamed.has(key)) && (e.nonInitial > 0 || e.strong || this.looksLikeName(e));
    if (ok && e && e.nonInitial === 0) {
      for (const tail of e.tailSurfaces) {
        const te = this.lex.get(entityKey(tail));
        if (te && te.nonInitial > 0) {
          ok = false;
          break;
        }
      }
    }
    this.accepted.set(key, ok);
    return ok;
  }

  private detect(st: Sentence, s: string, segs: Segments): Mention[] {
    const base = st.start;
    // Names in text order, each made a mention as soon as it is found.
    const mentions: Mention[] = [];
    const orgs = segs.orgs;
    for (let o = 0; o < orgs.length; o++) {
      const seg = orgs[o] as Tok[];
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
            mentions.push(orgMention(s, base, t, seg[i + len - 1] as Tok, key));
            matched = len;
            break;
          }
        }
        i += matched || 1;
      }
    }
    // Relations between neighbouring mentions.
    for (let i = 1; i < mentions.length; i++) {
      const prev = mentions[i - 1] as Mention;
      const cur = mentions[i] as Mention;
      // APPOSITIVE_GAP, /^\s+$/ and COORD_GAP all allow at most 17 non-space characters
      if (moreNonSpaceThan(this.text, prev.outerEnd, cur.start, 17)) continue;
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
    return mergeByPosition(mentions, anaphors);
  }
}

/** The mention of an accepted name, the tokens first..last of the sentence s (which starts at base). */
function orgMention(s: string, base: number, first: Tok, last: Tok, key: string): Mention {
  const ctx = walkBack(s, first.s);
  const poss = last.poss && last.e <= s.length;
  let modifier = last.hyphenMod;
  if (!modifier && !poss && ctx.sawDeterminer) {
    // "the OpenAI round": the word after a determined name, read only when it can decide.
    const w = /^\s+([\p{Ll}][\p{Ll}-]*)/u.exec(s.slice(last.baseEnd, Math.min(s.length, last.e + 40)))?.[1] ?? "";
    modifier = !!w && !(wordFlags(w) & (F_AUX | F_PREP)) && !/(?:ed|s)$/.test(w);
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
    reporter: ctx.afterReportingVerb || (!poss && reportingAfter(s, last.baseEnd) && !aboutItselfAfter(s, last.baseEnd)),
    modifier: modifier || bracketed || ctx.afterReportingVerb,
    coordWith: -1,
  };
}

/** \w of a regex without the i flag ([A-Za-z0-9_]) at i; false past the end. */
function isRegexWordAt(s: string, i: number): boolean {
  return isRegexWordCode(s.charCodeAt(i));
}

/** Are there more than `max` non-space (\S) characters in text[from, to)? */
function moreNonSpaceThan(text: string, from: number, to: number, max: number): boolean {
  let n = 0;
  for (let k = from; k < to; k++) if (!isSpaceCode(text.charCodeAt(k)) && ++n > max) return true;
  return false;
}

/**
 * A sentence's names and anaphors, each in text order, as one list in text order: what a stable
 * sort by start, then end, of the names followed by the anaphors gives. A name's coordWith,
 * an index among the names, becomes the merged index of that name.
 */
function mergeByPosition(names: Mention[], anaphors: Mention[]): Mention[] {
  const out: Mention[] = [];
  const mergedIndex: number[] = [];
  let i = 0;
  let j = 0;
  while (i < names.length || j < anaphors.length) {
    const n = names[i];
    const a = anaphors[j];
    if (n && (!a || n.start < a.start || (n.start === a.start && n.end <= a.end))) {
      mergedIndex.push(out.length);
      out.push(n);
      i++;
    } else if (a) {
      out.push(a);
      j++;
    }
  }
  for (const n of names) if (n.coordWith >= 0) n.coordWith = mergedIndex[n.coordWith] ?? -1;
  return out;
}

/** /^\s*['’]s\b/ on s.slice(at), without the slice. */
function apostropheSAfter(s: string, at: number): boolean {
  let k = at;
  while (k < s.length && isSpaceCode(s.charCodeAt(k))) k++;
  const q = s.charCodeAt(k);
  return (q === 39 || q === 0x2019) && s.charCodeAt(k + 1) === 115 && !isRegexWordAt(s, k + 2);
}

/** An anaphor's mention, [start, end) of the sentence s (which starts at base). */
function anaphorMention(s: string, base: number, kind: MentionKind, start: number, end: number, possessive: boolean): Mention {
  const ctx = walkBack(s, start, true);
  return {
    kind,
    start: base + start,
    end: base + end,
    outerEnd: base + end,
    key: "",
    possessive,
    prep: ctx.prep !== null,
    prepWord: ctx.prep,
    reporter: reportingAfter(s, end),
    modifier: false,
    coordWith: -1,
  };
}

/** The mentions of COMPANY_ANAPHOR's or ROUND_ANAPHOR's matches, flat [start, end] pairs, added to out. */
function addAnaphors(out: Mention[], s: string, base: number, kind: MentionKind, found: number[]): void {
  for (let i = 0; i < found.length; i += 2) {
    const start = found[i] as number;
    const end = found[i + 1] as number;
    // "the company’s", "the round’s" (/^['’]s\b/ after the match)
    const q = s.charCodeAt(end);
    const poss = (q === 39 || q === 0x2019) && s.charCodeAt(end + 1) === 115 && !isRegexWordAt(s, end + 2);
    out.push(anaphorMention(s, base, kind, start, end, poss));
  }
}

function findAnaphors(s: string, base: number): Mention[] {
  // The pronouns first: their "its" are where a ROUND_ANAPHOR can also start.
  const pronouns: Mention[] = [];
  const its: number[] = [];
  const ths: number[] = [];
  // PRONOUN's matches, and the determiners: whole words, so neither hides the other's
  PRONOUN_OR_DETERMINER.lastIndex = 0;
  while (PRONOUN_OR_DETERMINER.test(s)) {
    // which word ended here: its last two letters tell (no match array needed)
    const end = PRONOUN_OR_DETERMINER.lastIndex;
    const z = s.charCodeAt(end - 1);
    const y = s.charCodeAt(end - 2);
    if (z === 101 || (z === 116 && y === 97) || (z === 115 && y === 105)) {
      ths.push(end - (z === 101 ? (y === 104 ? 3 : 5) : 4)); // the, these; that; this
      continue;
    }
    if (z === 115) {
      // its
      its.push(end - 3);
      pronouns.push(anaphorMention(s, base, "pronoun", end - 3, end, true));
      continue;
    }
    // it
    const at = end - 2;
    if (apostropheSAfter(s, at + 2)) continue; // "it’s" = it is; too vague
    if (!pronounSubjectBefore(s, at)) continue;
    pronouns.push(anaphorMention(s, base, "pronoun", at, end, false));
  }
  // With no determiner and no "its" there is no longer anaphor: the pronouns ("it") are all,
  // in text order and apart.
  if (!ths.length && !its.length) return pronouns;
  const company: number[] = [];
  const round: number[] = [];
  anaphorMatches(s, ths, its, company, round);
  const out: Mention[] = [];
  addAnaphors(out, s, base, "company", company);
  addAnaphors(out, s, base, "round", round);
  for (const m of pronouns) out.push(m);
  // Drop an anaphor that sits inside a longer one ("its" inside "its latest round").
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of out) {
    const last = kept.length ? kept[kept.length - 1] : undefined;
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

const POSSESSIVE_END = /['’]s$/;

/** Look at the up-to-four words before `at`: does a preposition govern the mention? */
type Governed = { prep: string | null; sawDeterminer: boolean; afterReportingVerb: boolean };
const DEAL_VERBS = new Set(["buy", "acquire", "purchase", "take"]);
const PLACE_ADJECTIVE = /-(?:based|headquartered|listed|registered)$/;

/**
 * `determined`: the mention opens with its own determiner or is a pronoun ("the bank", "its"):
 * a noun passed on the way back is then what a preposition governs ("For the full year the
 * bank expects …"), not the mention.
 */
function walkBack(s: string, at: number, determined = false): Governed {
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
    const w = toLower(item);
    const f = wordFlags(w);
    // "told Reuters", "said Amazon CEO ...": the source of a quote, not the subject.
    if (steps === 0 && f & F_SOURCE) return { prep: null, sawDeterminer, afterReportingVerb: true };
    if (w === "to") {
      const prev = wordBefore(s, end, limit);
      if (prev && toLower(s.slice(prev[0], prev[1])) === "according") return { prep: "according to", sawDeterminer, afterReportingVerb: false };
    }
    if (f & F_PREP) return { prep: sourceBefore(s, w, end, limit) ? "according to" : w, sawDeterminer, afterReportingVerb: false };
    if (f & F_DET) {
      sawDeterminer = true;
      continue;
    }
    const c0 = item.charAt(0);
    if (c0 >= "0" && c0 <= "9") break; // a number
    // "from Singapore-based Straits Meridian Bank": a place made an adjective, right after a preposition, describes the name
    if (steps === 0 && c0 !== c0.toLowerCase() && item.includes("-") && PLACE_ADJECTIVE.test(item)) {
      const prev = wordBefore(s, end, limit);
      const pw = prev ? toLower(s.slice(prev[0], prev[1])) : "";
      if (wordFlags(pw) & F_PREP) return { prep: pw, sawDeterminer, afterReportingVerb: false };
    }
    if (c0 !== c0.toLowerCase()) {
      // "led by Dutch chip maker ASML": a nationality or generic acronym is an adjective here
      if (f & F_GENERIC) continue;
      // "led by Singapore's Saffron Peak Capital": a possessive between a preposition and the name describes the name
      if (steps === 0 && POSSESSIVE_END.test(item)) {
        const prev = wordBefore(s, end, limit);
        if (prev && wordFlags(toLower(s.slice(prev[0], prev[1]))) & F_PREP) continue;
      }
      break;
    }
    if (f & (F_AUX | F_REPORTING)) break;
    // "agreed to buy Brightwater": the object of a deal verb, not of the "to" before it
    if (DEAL_VERBS.has(w)) break;
    if (w.endsWith("ed") && !/-(?:based|owned|backed|led|funded)$/.test(w)) break;
    if (determined) break;
    // a lowercase adjective or noun: keep walking
  }
  return { prep: null, sawDeterminer, afterReportingVerb: false };
}

/** Words before "by" and "at" that make the name a source of figures, not their subject. */
const COMPILED_BY = new Set(["compiled", "polled", "surveyed", "tracked", "gathered", "collected"]);
const ANALYST_AT = new Set(["analyst", "analysts", "economist", "economists", "strategist", "strategists"]);

/**
 * "data compiled by Fairlane Analytics", "an analyst at Copperline Securities": the preposition
 * `prep`, ending at `end`, makes the name a source, as "according to" does.
 */
function sourceBefore(s: string, prep: string, end: number, limit: number): boolean {
  const set = prep === "by" ? COMPILED_BY : prep === "at" ? ANALYST_AT : null;
  if (!set) return false;
  const prev = wordBefore(s, end, limit);
  return !!prev && set.has(toLower(s.slice(prev[0], prev[1])));
}

/** Has an a-z (so toUpperCase changes it). */
function hasAsciiLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isAsciiLower(w.charCodeAt(i))) return true;
  return false;
}

/** Does every word of s.split(" ") have an a-z? */
function everyWordHasAsciiLower(s: string): boolean {
  let lower = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (!lower) return false;
      lower = false;
    } else if (isAsciiLower(c)) lower = true;
  }
  return lower;
}

/** Every written form of a name with its count, the first seen first. */
function formsOfEntry(e: LexEntry): Map<string, number> {
  const forms = new Map<string, number>([[e.form, e.formCount]]);
  if (e.otherForms) for (const [form, n] of e.otherForms) forms.set(form, n);
  return forms;
}

function chooseDisplay(forms: Map<string, number>): string {
  let best = "";
  let bestScore = -1;
  for (const [form, n] of forms) {
    const allCaps = !hasAsciiLower(form) && /\p{L}{5,}/u.test(form) && form === form.toUpperCase();
    const score = n * 2 + (allCaps ? 0 : 1);
    // on a tie, the fuller name ("Harbourview Insurance Group" over "Harbourview Insurance"), then the first in code order
    if (score > bestScore || (score === bestScore && (form.length > best.length || (form.length === best.length && form < best)))) {
      best = form;
      bestScore = score;
    }
  }
  if (everyWordHasAsciiLower(best)) return best; // the common case: no word to recase
  return best
    .split(" ")
    .map((w) => {
      if (hasAsciiLower(w)) return w; // its letters have a lowercase one: not all capitals
      const letters = w.replace(/[^\p{L}]/gu, "");
      return letters.length > 4 && letters === letters.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w;
    })
    .join(" ");
}
