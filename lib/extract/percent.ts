// Percentages: "18%", "18 percent", "18 per cent", "8%+", "+24%", "64-93%", "between 9% and 15%",
// and basis points ("12 basis points", "145bps") as hundredths of a percentage point.

import { compareDecimal, scaleDecimal } from "./decimal";
import { numbered } from "./numbered";
import { NUM } from "./numbers";
import { joinRanges } from "./figure-ranges";
import type { Figure } from "./types";
import { newFigure } from "./figure-shape";

// The lookahead states what every match starts with (a sign or a digit): tried first, it
// spares the lookbehind, and its Unicode classes, at every other position.
const PERCENT = numbered(new RegExp(
  String.raw`(?=[+\-−±\d])(?<![\p{L}\p{N}.,])(?<sign>[+\-−±])?(?<n1>${NUM})(?:\s?%?\s?(?:[-–]|to)\s?[+\-−]?(?<n2>${NUM}))?\s?(?:%|percent\b|per\scent\b|pct\b|percentage\spoints?\b|(?<bp>basis\spoints?\b|bps\b|bp\b))(?<plus>\+)?`,
  "gu",
), ["sign", "n1", "n2", "bp", "plus"]);
const PERCENT_RE = PERCENT.re;
const P = PERCENT.at;

/** The figures in [from, to) of text; `s` is text.slice(from, to), when the caller has it already. */
export function findPercents(text: string, from: number, to: number, s = text.slice(from, to)): Figure[] {
  const out: Figure[] = [];
  PERCENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERCENT_RE.exec(s)) !== null) {
    const neg = m[P.sign] === "-" || m[P.sign] === "−";
    // "narrowed 12 basis points": hundredths of a percentage point, recorded in percent
    const pow = m[P.bp] !== undefined ? -2 : 0;
    const n1 = scaleDecimal(m[P.n1] ?? "0", pow);
    const v1 = neg && n1 !== "0" ? `-${n1}` : n1;
    const start = from + m.index;
    const end = from + m.index + m[0].length;
    const n2 = m[P.n2];
    if (n2 !== undefined) {
      const v2 = scaleDecimal(n2, pow);
      if (compareDecimal(v1, v2) < 0) {
        out.push(newFigure("percent", start, end, null, v1, v2, "percent"));
        continue;
      }
    }
    out.push(newFigure("percent", start, end, v1, null, null, "percent"));
  }
  return out.length > 1 && s.includes(" and ") ? joinBetweenAnd(out, s, from) : out;
}

const BETWEEN_BEFORE = /\bbetween\s+$/i;
const AND_BETWEEN = /^\s+and\s+$/;

/** "between 9% and 15%": two percentages joined into one range, as "9% to 15%" is. */
const joinBetweenAnd = (found: Figure[], s: string, from: number): Figure[] =>
  joinRanges(found, s, from, (_a, _b, between, before) => AND_BETWEEN.test(between) && BETWEEN_BEFORE.test(before.slice(-12)));
