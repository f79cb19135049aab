// All figures of one sentence, in text order, with no overlaps and nothing taken from URLs.
// Priority on overlap: dates, money, percentages, power, counts.

import { findDates, type RefDate } from "./dates";
import { findMoney } from "./money";
import { findPercents } from "./percent";
import { findCounts, findPower } from "./quantities";
import type { Figure } from "./types";

const URL_RE = /\bhttps?:\/\/[^\s)"”>\]]+|\bwww\.[^\s)"”>\]]+|[\w.+-]+@[\w-]+\.[\w.]+/g;

export function findFigures(text: string, start: number, end: number, ref: RefDate | null): Figure[] {
  const s = text.slice(start, end);
  const blocked: Array<[number, number]> = [];
  if (s.includes("http") || s.includes("www.") || s.includes("@")) {
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = URL_RE.exec(s)) !== null) blocked.push([start + m.index, start + m.index + m[0].length]);
  }
  if (!/\d/.test(s)) return [];

  const out: Figure[] = [];
  const free = (f: Figure): boolean =>
    !blocked.some(([a, b]) => f.start < b && a < f.end) && !out.some((g) => f.start < g.end && g.start < f.end);
  const groups = [
    findDates(text, start, end, ref),
    findMoney(text, start, end),
    findPercents(text, start, end),
    findPower(text, start, end),
    findCounts(text, start, end),
  ];
  for (const group of groups) for (const f of group) if (free(f)) out.push(f);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
