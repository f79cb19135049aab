// Figures in text order. The lists are short and often in order already: a stable insertion
// sort puts them in exactly the order of the (stable) Array.prototype.sort with the same
// comparison, without a callback per comparison.

import type { Figure } from "./types";

/** Beyond this many figures, Array.prototype.sort (insertion sort costs n² comparisons). */
const INSERTION_SORT_MAX = 32;

const byStart = (a: Figure, b: Figure): number => a.start - b.start;
const byStartThenEnd = (a: Figure, b: Figure): number => a.start - b.start || a.end - b.end;

/** Sorts figs in place by start (and, with thenByEnd, equal starts by end), stably; returns figs. */
export function inTextOrder(figs: Figure[], thenByEnd: boolean): Figure[] {
  if (figs.length > INSERTION_SORT_MAX) return figs.sort(thenByEnd ? byStartThenEnd : byStart);
  for (let i = 1; i < figs.length; i++) {
    const f = figs[i] as Figure;
    let j = i - 1;
    // only strictly later figures move past f: equal ones keep their order (stable)
    for (; j >= 0; j--) {
      const g = figs[j] as Figure;
      if (!(g.start > f.start || (thenByEnd && g.start === f.start && g.end > f.end))) break;
      figs[j + 1] = g;
    }
    figs[j + 1] = f;
  }
  return figs;
}
