// Percentages: "18%", "18 percent", "18 per cent", "8%+", "+24%", "64-93%".

import { compareDecimal, normalizeDecimal } from "./decimal";
import { NUM } from "./numbers";
import type { Figure } from "./types";

const PERCENT_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?<sign>[+\-−±])?(?<n1>${NUM})(?:\s?%?\s?(?:[-–]|to)\s?[+\-−]?(?<n2>${NUM}))?\s?(?:%|percent\b|per\scent\b|pct\b|percentage\spoints?\b)(?<plus>\+)?`,
  "gu",
);

export function findPercents(text: string, from: number, to: number): Figure[] {
  const out: Figure[] = [];
  const s = text.slice(from, to);
  PERCENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERCENT_RE.exec(s)) !== null) {
    const g = m.groups ?? {};
    const neg = g.sign === "-" || g.sign === "−";
    const n1 = normalizeDecimal(g.n1 ?? "0");
    const v1 = neg && n1 !== "0" ? `-${n1}` : n1;
    const start = from + m.index;
    const end = from + m.index + m[0].length;
    if (g.n2 !== undefined) {
      const v2 = normalizeDecimal(g.n2);
      if (compareDecimal(v1, v2) < 0) {
        out.push({ kind: "percent", start, end, value: null, low: v1, high: v2, unit: "percent" });
        continue;
      }
    }
    out.push({ kind: "percent", start, end, value: v1, low: null, high: null, unit: "percent" });
  }
  return out;
}
