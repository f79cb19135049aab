// Every figure is made here, with every field set (the optional ones undefined), so that all
// figures share one object shape. Figures with an extra field added by some finders had five
// shapes between them, and each read of a figure's field in the code that weighs them became a
// generic lookup.

import type { Figure, FigureKind } from "./types";

export function newFigure(kind: FigureKind, start: number, end: number, value: string | null, low: string | null, high: string | null, unit: string): Figure {
  return { kind, start, end, value, low, high, unit, granularity: undefined, bare: undefined, sameNounAsBefore: undefined, exchangeRatio: undefined };
}
