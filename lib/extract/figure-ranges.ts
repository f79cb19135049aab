// Two neighbouring figures of one kind that a text joins into a range ("between 9% and 15%",
// "170,000 to 180,000 vehicles"): each finder says when its neighbours join, this module joins them.

import { compareDecimal } from "./decimal";
import type { Figure } from "./types";
import { newFigure } from "./figure-shape";

/**
 * `found` (in text order, within the text s that starts at `from`) with every pair a, b that
 * `joins` accepts, and whose values rise, made one range from a's start to b's end.
 * `joins` is given the text between the two and the 40 characters before a.
 */
export function joinRanges(found: Figure[], s: string, from: number, joins: (a: Figure, b: Figure, between: string, before: string) => boolean): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i] as Figure;
    const b = found[i + 1];
    if (b && a.value !== null && b.value !== null && compareDecimal(a.value, b.value) < 0 && joins(a, b, s.slice(a.end - from, b.start - from), s.slice(Math.max(0, a.start - from - 40), a.start - from))) {
      // (the unit is written once, after the second: "145,000 to 155,000 tonnes")
      out.push(newFigure(a.kind, a.start, b.end, null, a.value, b.value, b.unit));
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
