// Multiples: "roughly triple the $40 billion", "users have tripled", "more than doubling",
// "Doubles to $12.5 billion", "three times the size", "2.5x the", "tenfold". The value is the
// factor (unit "multiple"); what was multiplied is decided later from the context.
// Idioms are not figures: "doubling down", "double-digit", "a double whammy", "triple-A".

import { numbered } from "./numbered";
import type { Figure } from "./types";
import { newFigure } from "./figure-shape";

// Maps, not objects: looking up a freshly lowercased string in an object costs more.
const WORD_FACTOR = new Map<string, number>(Object.entries({
  double: 2, doubled: 2, doubles: 2, doubling: 2, twice: 2, twofold: 2, "two-fold": 2,
  triple: 3, tripled: 3, triples: 3, tripling: 3, threefold: 3, "three-fold": 3,
  quadruple: 4, quadrupled: 4, quadruples: 4, quadrupling: 4, fourfold: 4, "four-fold": 4,
  fivefold: 5, "five-fold": 5, tenfold: 10, "ten-fold": 10,
}));

const NUMBER_WORD = new Map<string, number>(Object.entries({ two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 }));

// The lookahead states what every match starts with: a digit or the first letter of a word
// (the flags make the class take "D", "ſ" as "s" and so on, as they do the words). Tried
// first, it spares the rest of the pattern at almost every other position.
const MULTIPLE = numbered(
  /(?=[\ddtqfsen])\b(?:(?<word>double[ds]?|doubling|twice|two-?fold|triple[ds]?|tripling|three-?fold|quadruple[ds]?|quadrupling|four-?fold|five-?fold|ten-?fold)|(?<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?:\s+times|x)(?=\s+\p{L}))(?![\p{L}\p{N}-])/giu,
  ["word", "n"],
);
const MULTIPLE_RE = MULTIPLE.re;

/** What follows "N times" or "Nx" when it is a multiple: a comparison, what a price is a multiple of ("19.5 times last year's earnings"), or demand ("47 times oversubscribed"). */
const NUMBER_TIMES_AFTER =
  /^\s+(?:the|that|as|its|their|what|larger|bigger|higher|more|greater|from|since|over|in|book|earnings|sales|revenues?|ebitda|forward|trailing|tangible|net|cash|profits?|oversubscribed|subscribed|covered|annual|expected|estimated|adjusted|core|(?:last|this|next)\s+year['’]s)\b/i;
/** ... or a name, in capitals as written ("2.4 times Harbourview's book value"). */
const CAPITAL_AFTER = /^\s+\p{Lu}/u;
/** After a base form ("double", "triple"), what makes it a figure rather than an adjective. */
const BASE_AFTER = /^(?:\s+(?:the|that|its|their|his|her|what|from|in|to|over|since|last|this|year|on|by|again)\b|\s+(?:19|20)\d\d\b|\s*[$€£\d]|\s*[.,;:)—–]|\s*$)/i;
const BASE_BEFORE = /\b(?:roughly|nearly|almost|more than|about|around|approximately|some|could|would|will|to|is|was|be|than|may|might|expected to|set to|likely to)\s+$/i;
/** "doubling down", "double as", "double-digit" (excluded by the lookahead), "tripled down" */
const IDIOM_AFTER = /^\s+(?:down|up on|as|dip|whammy|standard|check|edged|digits?|bogey|agent|bind|play|header|duty)\b/i;

/** The figures in [from, to) of text; `s` is text.slice(from, to), when the caller has it already. */
export function findMultiples(text: string, from: number, to: number, s = text.slice(from, to)): Figure[] {
  const out: Figure[] = [];
  MULTIPLE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MULTIPLE_RE.exec(s)) !== null) {
    const word = m[MULTIPLE.at.word];
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 24);
    let factor: number;
    if (word) {
      const w = word.toLowerCase();
      factor = WORD_FACTOR.get(w) ?? 0;
      if (IDIOM_AFTER.test(after)) continue;
      const base = w === "double" || w === "triple" || w === "quadruple";
      if (base && !BASE_AFTER.test(after) && !BASE_BEFORE.test(s.slice(Math.max(0, m.index - 24), m.index))) continue;
    } else {
      // "three times the size", "2.4 times book value", "12 times Acme's earnings"; not "three times a year"
      if (!NUMBER_TIMES_AFTER.test(after) && !CAPITAL_AFTER.test(after)) continue;
      const n = (m[MULTIPLE.at.n] ?? "").toLowerCase();
      factor = NUMBER_WORD.get(n) ?? Number(n);
    }
    if (!factor || !Number.isFinite(factor)) continue;
    out.push(newFigure("multiple", from + m.index, from + m.index + m[0].length, String(factor), null, null, "multiple"));
  }
  return out;
}
