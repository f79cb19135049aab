// Money: "$122 billion", "$122B", "US$5bn", "€830 million", "$100B+", "$750-830 billion",
// "$115 billion-$135 billion", "between $2 and $5 billion", "5 billion dollars".

import { compareDecimal, scaleDecimal } from "./decimal";
import { inTextOrder } from "./figure-order";
import { numbered } from "./numbered";
import { NUM, SCALE, WORD_SCALE, scalePow } from "./numbers";
import type { Figure } from "./types";
import { newFigure } from "./figure-shape";

/**
 * ISO 4217 codes written before or after an amount ("SEK 42 billion", "NOK 3.1bn", "900
 * million ZAR"). Codes that are also common capitalised words or names ("PHP", "PEN", "MAD",
 * "ALL") are left out.
 */
export const CURRENCY_CODES =
  "USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|CAD|AUD|HKD|SGD|KRW|NZD|SEK|NOK|DKK|ISK|PLN|CZK|HUF|RON|BGN|TRY|RUB|UAH|ZAR|NGN|KES|EGP|AED|SAR|QAR|KWD|BHD|OMR|ILS|PKR|BDT|IDR|MYR|THB|VND|TWD|BRL|MXN|ARS|CLP|COP";
/**
 * Signs that local papers write and that are letters elsewhere: "R4.8bn" (the South African
 * rand), "Ps 2.15 billion" (the peso in Mexican reports), "Rp46.7 trillion" (the rupiah),
 * "RM2.1 billion" (the ringgit), "KSh 12 billion" (the Kenyan shilling), "SR 31" (the Saudi riyal),
 * "Sfr 216m" (the Swiss franc), "Dh5 billion" (the UAE dirham). Each is taken as money only in an
 * article that names the currency or its country ("R1" is a model's name elsewhere); the peso's
 * country is read as bare "pesos" are (see PESO_COUNTRY).
 */
const LOCAL_SIGN_TABLE: ReadonlyArray<{ sign: string; code: string; country: RegExp } | { sign: string; code: null; country: null }> = [
  { sign: String.raw`R`, code: "ZAR", country: /\b(?:rand|ZAR|South African?|Johannesburg|JSE)\b/ },
  { sign: String.raw`Ps\.?\s?`, code: null, country: null },
  { sign: String.raw`Rp\.?\s?`, code: "IDR", country: /\b(?:rupiah|IDR|Indonesian?|Jakarta)\b/ },
  { sign: String.raw`RM\s?`, code: "MYR", country: /\b(?:ringgit|MYR|Malaysian?|Kuala Lumpur)\b/ },
  { sign: String.raw`K[Ss]h\.?\s?`, code: "KES", country: /\b(?:shillings?|KES|Kenyan?|Nairobi)\b/ },
  { sign: String.raw`SR\s?`, code: "SAR", country: /\b(?:riyals?|SAR|Saudi|Riyadh|Tadawul)\b/ },
  { sign: String.raw`S[Ff]r\.?\s?`, code: "CHF", country: /\b(?:francs?|CHF|Swiss|Switzerland|Zurich|Geneva)\b/ },
  { sign: String.raw`Dh\s?`, code: "AED", country: /\b(?:dirhams?|AED|Emirati|UAE|Dubai|Abu Dhabi)\b/ },
];
/** Each local sign as the money pattern tries it (right before a digit), and as a whole matched sign. */
const LOCAL_SIGNS = LOCAL_SIGN_TABLE.map((x) => `${x.sign}(?=\\d)`).join("|");
const LOCAL_SIGN_SHAPES = LOCAL_SIGN_TABLE.map((x) => new RegExp(`^(?:${x.sign})$`));
/** Currency signs of one character that are nothing else: the naira, the Philippine peso, the lira, the rouble, the dong, the baht, the shekel, the hryvnia, the tenge. */
const OTHER_SIGNS = "₦₱₺₽₫฿₪₴₸";
const CURRENCY_SIGNS = String.raw`US\$|U\.S\.\s?\$|AU\$|A\$|CA\$|C\$|HK\$|NZ\$|NT\$|MX\$|S\$|R\$|\$|€|£|¥|₹|₩|[${OTHER_SIGNS}]|${LOCAL_SIGNS}`;
/**
 * Whether a text may hold a sign of CURRENCY_SIGNS other than "$" (which the caller looks for
 * first, on its own): every one of them, or its last character, is in this class or is a local sign before a digit.
 */
export const OTHER_CURRENCY_SIGN = new RegExp(`[€£¥₹₩¢${OTHER_SIGNS}]|${LOCAL_SIGNS}`);
/** "Rs 5,900 crore", "Rs. 450 crore": the rupee as Indian papers write it, searched for with the codes. */
const RUPEE_ABBREVIATION = String.raw`Rs\.?`;
const CUR = String.raw`(?:${CURRENCY_SIGNS}|(?:${CURRENCY_CODES}|${RUPEE_ABBREVIATION})\s?)`;
/** CUR where the text holds no currency code: that alternative cannot match there, and trying it at every position costs. */
const CUR_SIGN = String.raw`(?:${CURRENCY_SIGNS})`;
/**
 * Crowns by country: "612 Danish crowns", "SEK" as "Swedish kronor"; bare "crowns" takes the
 * country of the crowns the article named before (see crownsOfArticle), else is left out.
 */
const CROWNS = String.raw`(?:Danish|Swedish|Norwegian|Icelandic|Czech)\s(?:crowns?|kron(?:or|er|a|ur|e)|korun(?:a|y|as))|kronor|crowns`;
/** Crowns with their country, or a crown currency's code, as the article writes them. */
const CROWNS_NAMED = /\b(?:(Danish|Swedish|Norwegian|Icelandic|Czech)\s(?:crowns?|kron\w*|korun\w*)|(DKK|SEK|NOK|ISK|CZK)\b|(Kč)(?![\p{L}\p{N}]))/gu;

/** The crowns the article named last before `at` ("30 billion Norwegian crowns", "NOK 3.5 billion"), as a code; null if none. */
function crownsOfArticle(text: string, at: number): string | null {
  let last: string | null = null;
  CROWNS_NAMED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CROWNS_NAMED.exec(text)) !== null && m.index < at) last = m[3] !== undefined ? "CZK" : (m[2] ?? CROWN_COUNTRY[(m[1] as string).toLowerCase()] ?? null);
  return last;
}

/**
 * Currencies written as a word after the amount ("90 billion riyals", "1.5 billion Mexican
 * pesos"), with the country that tells a peso, riyal, dirham or franc apart when it is named.
 */
// ("412 million zł", "1.9 billion Kč": signs written after the number, read as words; every pattern
// that uses these ends them with (?![\p{L}\p{N}]), since \b does not see "ł" or "č" as letters)
const OTHER_CURRENCY_NAMES = String.raw`(?:riyals?|dirhams?|reais|rand|pesos|lira|francs|ringgit|baht|rupiah|zlotys?|złotys?|zł|naira|shekels|forints?|korunas?|Kč|lei|dong|roubles|rubles|hryvnias?|tenge|cedis?|shillings)`;
const OTHER_CURRENCY_WORDS = String.raw`(?:(?:Saudi|Qatari|Omani|UAE|Emirati|Moroccan|Mexican|Argentine|Philippine|Chilean|Colombian|Swiss|Turkish|South African|Brazilian|Kenyan|Ugandan|Tanzanian|Polish|Hungarian|Romanian|Vietnamese|Russian|Ukrainian|Ghanaian)\s)?${OTHER_CURRENCY_NAMES}`;
const CURRENCY_BY_WORD: Record<string, string> = {
  riyal: "SAR", riyals: "SAR", dirham: "AED", dirhams: "AED", reais: "BRL", rand: "ZAR", lira: "TRY", francs: "CHF",
  ringgit: "MYR", baht: "THB", rupiah: "IDR", zloty: "PLN", złoty: "PLN", zł: "PLN", naira: "NGN", shekels: "ILS",
  forint: "HUF", koruna: "CZK", kč: "CZK", lei: "RON", dong: "VND", rouble: "RUB", ruble: "RUB", hryvnia: "UAH", tenge: "KZT",
  cedi: "GHS",
};
const CURRENCY_BY_COUNTRY: Record<string, string> = {
  "qatari riyal": "QAR", "omani riyal": "OMR", "moroccan dirham": "MAD", "mexican peso": "MXN", "argentine peso": "ARS",
  "philippine peso": "PHP", "chilean peso": "CLP", "colombian peso": "COP",
  "kenyan shilling": "KES", "ugandan shilling": "UGX", "tanzanian shilling": "TZS",
};
/** Bare "pesos": the country of the first Latin American or Philippine place the article names. */
const PESO_COUNTRY = /\b(?:(Mexic)|(Argentin)|(Philippin|Manila)|(Chile)|(Colombia|Bogot))/;
const PESO_CODES = ["MXN", "ARS", "PHP", "CLP", "COP"];

/** The code of a currency word of OTHER_CURRENCY_WORDS, or null for pesos of no country named. */
function currencyOfWord(written: string, text: string): string | null {
  const words = written.toLowerCase().split(/\s+/);
  const word = words[words.length - 1] as string;
  const singular = word.endsWith("s") && word !== "reais" ? word.slice(0, -1) : word;
  const byCountry = words.length > 1 ? CURRENCY_BY_COUNTRY[`${words.slice(0, -1).join(" ")} ${singular}`] : undefined;
  if (byCountry) return byCountry;
  if (singular !== "peso") return CURRENCY_BY_WORD[word] ?? CURRENCY_BY_WORD[singular] ?? null;
  const m = PESO_COUNTRY.exec(text);
  if (!m) return null;
  for (let i = 1; i <= PESO_CODES.length; i++) if (m[i] !== undefined) return PESO_CODES[i - 1] as string;
  return null;
}

const moneyPattern = (cur: string): RegExp =>
  new RegExp(String.raw`(?<cur>${cur})(?<n1>${NUM})(?<s1>${SCALE})?(?:(?<sep>\s?[-–—]\s?|\s+(?:to|and)\s+)(?<cur2>${cur})?(?<n2>${NUM})(?<s2>${SCALE})?)?(?<plus>\+)?`, "gu");
const MONEY_GROUPS = ["cur", "n1", "s1", "sep", "cur2", "n2", "s2", "plus"] as const;
const MONEY = numbered(moneyPattern(CUR), MONEY_GROUPS);
const MONEY_RE = MONEY.re;
const M = MONEY.at;
/** MONEY_RE without the currency codes (the same groups): the same matches in a text without one. */
const MONEY_SIGN_RE = numbered(moneyPattern(CUR_SIGN), MONEY_GROUPS).re;

const MONEY_WORD = numbered(new RegExp(
  String.raw`(?<![\p{L}\p{N}.,$€£¥])(?<n1>${NUM})(?<s1>${WORD_SCALE})?(?:(?<sep>\s?[-–]\s?|\s+to\s+|\s+and\s+)(?<n2>${NUM})(?<s2>${WORD_SCALE})?)?\s(?:US\s)?(?<cw>dollars|euros?|pounds(?:\ssterling)?|yen|yuan|won|renminbi|rupees|${CROWNS}|${OTHER_CURRENCY_WORDS}|${CURRENCY_CODES})(?![\p{L}\p{N}])`,
  "gu",
), ["n1", "s1", "sep", "n2", "s2", "cw"]);
const MONEY_WORD_RE = MONEY_WORD.re;
const W = MONEY_WORD.at;

/** "312 pence", "306p", "45 cents", "85 kobo": sub-units, worth a hundredth of the currency. */
const SUBUNIT = numbered(/(?<![\p{L}\p{N}.,$€£])(?<n>(?:\d{1,3}(?:,\d{3})+|\d{1,5})(?:\.\d+)?)\s?(?:(?<q>Australian|Canadian|U\.S\.|US|Singapore|Hong Kong|New Zealand|euro)\s)?(?<u>pence|p|cents?|¢|kobo)(?![\p{L}\p{N}])/gu, ["n", "q", "u"]);
/** "8 Australian cents": the currency of cents named by their country. */
const CENTS_OF: Record<string, string> = { Australian: "AUD", Canadian: "CAD", "U.S.": "USD", US: "USD", Singapore: "SGD", "Hong Kong": "HKD", "New Zealand": "NZD", euro: "EUR" };
const SUBUNIT_RE = SUBUNIT.re;
/** What every SUBUNIT_RE match holds: a digit, an optional space, then "p", "c" or "¢". */
// ("8 Australian cents", "5 U.S. cents", "12 euro cents": a country or currency of one or two words between)
const SUBUNIT_HINT = /\d\s?[pc¢]|\d\s(?:[A-Za-z.]+\s){1,2}cents?\b|\d\skobo\b/;
const SHARE_WORDS = /\b(?:shares?|stock|price|pence|trading|traded|offer)\b/i;
const EURO_CENTS_AFTER = /^\s+cents?\b/;
const OTHER_CURRENCY_WORD_END = new RegExp(`${OTHER_CURRENCY_NAMES}$`);

const CURRENCY: Record<string, string> = {
  "$": "USD", "US$": "USD", "U.S.$": "USD", "AU$": "AUD", "A$": "AUD", "CA$": "CAD", "C$": "CAD", "HK$": "HKD",
  "NZ$": "NZD", "NT$": "TWD", "MX$": "MXN", "S$": "SGD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", RMB: "CNY",
  "₦": "NGN", "₱": "PHP", "₺": "TRY", "₽": "RUB", "₫": "VND", "฿": "THB", "₪": "ILS", "₴": "UAH", "₸": "KZT",
  dollars: "USD", euro: "EUR", euros: "EUR", pounds: "GBP", "pounds sterling": "GBP", yen: "JPY", yuan: "CNY", won: "KRW",
  renminbi: "CNY", rupees: "INR", Rs: "INR", "Rs.": "INR",
};

const CROWN_COUNTRY: Record<string, string> = { danish: "DKK", swedish: "SEK", norwegian: "NOK", icelandic: "ISK", czech: "CZK" };

// Made once: a regex literal in a function makes a new RegExp object at every call.
const SPACE_OR_END = /\s|$/;
const SPACES = /\s+/g;
const CODE_SHAPE = /^[A-Z]{3}$/;

/** The answers for the last article (several signs may be asked about, a text with many "R2"s is read once). */
let localSignText: string | undefined;
let localSignAnswers: Array<string | null | undefined> = [];
let randCentsAnswer: boolean | undefined;
/** Amounts written in rand: the word, the code or the sign. */
const RAND_MONEY = /\b(?:rand|ZAR)\b|(?<![\p{L}\p{N}])R\d/u;

function forArticle(text: string): void {
  if (localSignText === text) return;
  localSignText = text;
  localSignAnswers = [];
  randCentsAnswer = undefined;
}

/** The currency the local sign of LOCAL_SIGN_TABLE[i] stands for in this article, or null where the article does not name its country. */
function localSignCurrency(i: number, text: string): string | null {
  forArticle(text);
  let answer = localSignAnswers[i];
  if (answer === undefined) {
    const entry = LOCAL_SIGN_TABLE[i] as (typeof LOCAL_SIGN_TABLE)[number];
    if (entry.code !== null) answer = entry.country.test(text) ? entry.code : null;
    else {
      const m = PESO_COUNTRY.exec(text);
      answer = null;
      if (m) for (let k = 1; k <= PESO_CODES.length && answer === null; k++) if (m[k] !== undefined) answer = PESO_CODES[k - 1] as string;
    }
    localSignAnswers[i] = answer;
  }
  return answer;
}

/**
 * For a matched sign: undefined if it is no local sign; else its currency in this article, or
 * null where it is no money here. A bare "R" needs a scale, a decimal point or a thousands
 * separator ("R4.8bn", "R15.00", "R6,000"; not the bond code "R186" or a model's "R2").
 */
function localCurrencyOf(sign: string, number: string, scale: string | undefined, text: string): string | null | undefined {
  const i = LOCAL_SIGN_SHAPES.findIndex((shape) => shape.test(sign));
  if (i < 0) return undefined;
  if (sign === "R" && !scale && !/[.,]/.test(number)) return null;
  return localSignCurrency(i, text);
}

/** Bare "cents": the rand's in an article about South Africa that writes amounts in rand and none in dollars, else the dollar's. */
function bareCents(text: string): string {
  forArticle(text);
  randCentsAnswer ??= localSignCurrency(0, text) === "ZAR" && !text.includes("$") && RAND_MONEY.test(text);
  return randCentsAnswer ? "ZAR" : "USD";
}

function currencyOf(raw: string): string {
  // a single sign ("$", "€"): what the steps below come to, directly
  if (raw.length === 1) {
    const sign = CURRENCY[raw];
    if (sign !== undefined) return sign;
  }
  if (raw === "kronor") return "SEK";
  const country = CROWN_COUNTRY[raw.slice(0, raw.search(SPACE_OR_END)).toLowerCase()];
  if (country) return country;
  const k = raw.replace(SPACES, "").replace("U.S.", "U.S.");
  if (CURRENCY[k]) return CURRENCY[k] as string;
  if (CODE_SHAPE.test(k)) return k === "RMB" ? "CNY" : k;
  return CURRENCY[raw.trim()] ?? "USD";
}

const CHANGE_BEFORE_FROM =
  /\b(?:grew|grow|grows|growing|rose|rise|rises|rising|increased?|increasing|jump(?:ed|s)?|climb(?:ed|s)?|soar(?:ed|s)?|surged?|fell|fall|falls|dropped|drops?|declined?|declining|boost(?:ed|s)?|expand(?:ed|s)?|cut|up|down|raised|lifted|lowered|doubled|tripled)\b[^.;]{0,40}\bfrom\s*$/i;

/** "rose $2 billion to $10 billion": a change and the level it reached, not a range. */
const CHANGE_VERB_BEFORE = /\b(?:rose|fell|grew|jumped|climbed|dropped|declined|increased|decreased|slid|surged|soared|plunged|slumped|widened|narrowed)\s+(?:by\s+)?(?:about\s+|around\s+|nearly\s+|roughly\s+)?$/i;

/** What may come right before the second amount of a range ("between $2 and $5 billion", "from $4 to $5 billion", "by $2 to $19.99"). */
const BETWEEN_BEFORE = /\bbetween\s*$/i;
const RANGE_WORD_BEFORE = /\b(?:between|from|range of|ranging from)\s*$/i;
const BY_BEFORE = /\bby\s*$/i;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** WORD_CHAR.test(s[i]), by code where the character is ASCII (letters and digits only). */
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return WORD_CHAR.test(s[i] as string);
}

/** /dollar|euro|pound|yen|yuan|won|renminbi|rupee|kron|crown|korun/ in two parts tried in turn (the same answer, faster). */
const CURRENCY_NAME_HINT = /dollar|euro|pound|yen|yuan|won/;
/**
 * The currency words of OTHER_CURRENCY_WORDS as every match has them: after a digit, perhaps a
 * scale word and a country of one or two words. Anchored on the digit, the pattern is tried
 * only where a number ends, not at every position of every sentence.
 */
const OTHER_CURRENCY_HINT = new RegExp(String.raw`\d(?:[\s-][A-Za-z]+)?\s(?:[A-Z][A-Za-z]+\s){0,2}${OTHER_CURRENCY_NAMES}(?![\p{L}\p{N}])`, "u");
const MORE_CURRENCY_NAME_HINT = /renminbi|rupee|kron|crown|korun/;
const CURRENCY_CODE_HINT = new RegExp(CURRENCY_CODES);
/**
 * Every code is three capital letters, which most sentences do not have: looking for those
 * first is much cheaper than trying the fifty codes at every position.
 */
const THREE_CAPITALS = /[A-Z]{3}/;

/** Whether s holds a currency code ("SEK", "USD") or "Rs", which the pattern with the codes finds. */
const holdsCurrencyCode = (s: string): boolean => (THREE_CAPITALS.test(s) && CURRENCY_CODE_HINT.test(s)) || s.includes("Rs");

/** Whether s names a currency or holds a currency code: "5 billion dollars" needs one. */
export function mayNameCurrency(s: string): boolean {
  return CURRENCY_NAME_HINT.test(s) || MORE_CURRENCY_NAME_HINT.test(s) || OTHER_CURRENCY_HINT.test(s) || holdsCurrencyCode(s);
}

/**
 * Find money figures in [from, to) of text. `namesCurrency`, when the caller already knows
 * it, is mayNameCurrency of that span; `s`, the span's text.
 */
export function findMoney(text: string, from: number, to: number, namesCurrency?: boolean, s = text.slice(from, to)): Figure[] {
  const out: Figure[] = [];
  // A text without a currency code (none is there when the caller found no currency named)
  // is searched with the pattern that leaves the codes out: the same matches, found faster.
  const code = namesCurrency !== false && holdsCurrencyCode(s);
  const re = code ? MONEY_RE : MONEY_SIGN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    // "ABC$5" or "x€5": the currency must not be glued to a word before it.
    if (m.index > 0 && isWordChar(s, m.index - 1)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const cur = m[M.cur] ?? "$";
    const local = localCurrencyOf(cur, m[M.n1] ?? "", m[M.s1], text);
    if (local === null) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const unit = local ?? currencyOf(cur);
    const n1 = m[M.n1] ?? "0";
    let s1 = scalePow(m[M.s1]);
    let end = m.index + m[0].length;
    const n2 = m[M.n2];
    if (n2 !== undefined) {
      const s2 = scalePow(m[M.s2]);
      const sep = (m[M.sep] ?? "").trim();
      const before = s.slice(Math.max(0, m.index - 60), m.index);
      let ok = true;
      if (m[M.s1] && !m[M.s2]) ok = false;
      if (sep === "and" && !BETWEEN_BEFORE.test(before)) ok = false;
      // "$4.18 billion to $4.23 billion" (a forecast range) but not "raised $5 billion to fund ...".
      if (sep === "to" && m[M.s1] && !m[M.cur2] && !RANGE_WORD_BEFORE.test(before)) ok = false;
      if (sep === "to" && (CHANGE_BEFORE_FROM.test(before) || CHANGE_VERB_BEFORE.test(before))) ok = false;
      // "raise the price by $2 to $19.99": a change and the level it reaches.
      if (sep === "to" && BY_BEFORE.test(before)) ok = false;
      if (ok) {
        if (!m[M.s1]) s1 = s2;
        const low = scaleDecimal(n1, s1);
        const high = scaleDecimal(n2, s2);
        if (compareDecimal(low, high) < 0) {
          out.push(newFigure("money", from + m.index, from + end, null, low, high, unit));
          continue;
        }
      }
      // Not a range: keep the first amount and rescan from its end.
      end = m.index + (m[M.cur] ?? "").length + n1.length + (m[M.s1] ?? "").length;
      const plus = s[end] === "+" ? 1 : 0;
      end += plus;
      re.lastIndex = end;
    }
    out.push(newFigure("money", from + m.index, from + end, scaleDecimal(n1, s1), null, null, unit));
  }
  // "5 billion dollars" needs a currency name or code: without one the pattern is not run at all.
  if (namesCurrency ?? (code || CURRENCY_NAME_HINT.test(s) || MORE_CURRENCY_NAME_HINT.test(s) || OTHER_CURRENCY_HINT.test(s))) {
    MONEY_WORD_RE.lastIndex = 0;
    while ((m = MONEY_WORD_RE.exec(s)) !== null) {
      // "142.40 crowns": the crowns the article named before, if it did
      const cw = m[W.cw] ?? "dollars";
      // "12 euro cents" is a sub-unit, read below
      if ((cw === "euro" || cw === "euros") && EURO_CENTS_AFTER.test(s.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
      const unit = cw === "crowns" ? crownsOfArticle(text, from + m.index) : OTHER_CURRENCY_WORD_END.test(cw) ? currencyOfWord(cw, text) : currencyOf(cw);
      if (unit === null) continue;
      // "1.8 trillion won", "1,444 won": the Korean currency; a bare number before "won" is
      // more often a count before the verb ("in 2019 won the award").
      if (unit === "KRW" && !m[W.s1] && !(m[W.n1] ?? "").includes(",")) continue;
      const start = from + m.index;
      const end = from + m.index + m[0].length;
      if (out.some((f) => f.start < end && start < f.end)) continue;
      // "between 600 million and 750 million pesos" is a range; "1,000 and 400 pesos" without "between" is two amounts: read from the second
      if ((m[W.sep] ?? "").trim() === "and" && !BETWEEN_BEFORE.test(s.slice(Math.max(0, m.index - 20), m.index))) {
        MONEY_WORD_RE.lastIndex = m.index + m[0].lastIndexOf(m[W.n2] as string, m[0].length - (m[W.cw] as string).length - 1);
        continue;
      }
      const n1 = m[W.n1] ?? "0";
      const s2 = scalePow(m[W.s2]);
      const s1 = m[W.s1] ? scalePow(m[W.s1]) : s2;
      const n2 = m[W.n2];
      if (n2 !== undefined) {
        const low = scaleDecimal(n1, s1);
        const high = scaleDecimal(n2, s2);
        if (compareDecimal(low, high) < 0) {
          out.push(newFigure("money", start, end, null, low, high, unit));
          continue;
        }
      }
      if (n2 !== undefined) continue;
      out.push(newFigure("money", start, end, scaleDecimal(n1, s1), null, null, unit));
    }
  }
  if (SUBUNIT_HINT.test(s)) {
    SUBUNIT_RE.lastIndex = 0;
    while ((m = SUBUNIT_RE.exec(s)) !== null) {
      const u = m[SUBUNIT.at.u] ?? "";
      // "1080p" is a screen resolution: a bare "p" needs a share price nearby.
      if (u === "p" && !SHARE_WORDS.test(s)) continue;
      const start = from + m.index;
      const end = start + m[0].length;
      if (out.some((f) => f.start < end && start < f.end)) continue;
      const q = m[SUBUNIT.at.q];
      const unit = u === "kobo" ? "NGN" : u === "p" || u === "pence" ? (q ? null : "GBP") : q ? (CENTS_OF[q] ?? "USD") : s.includes("€") ? "EUR" : bareCents(text);
      if (unit === null) continue;
      out.push(newFigure("money", start, end, scaleDecimal(m[SUBUNIT.at.n] ?? "0", -2), null, null, unit));
    }
  }
  return inTextOrder(out, false);
}
