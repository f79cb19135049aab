// W3C Web Annotation selectors for a span of article text. The position is the fast path;
// the quote with its context finds the span again when the text has changed.
export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { start: number; end: number };
export type TextSelector = TextQuoteSelector & TextPositionSelector;

export const CONTEXT_LENGTH = 32;

export function describeSpan(text: string, start: number, end: number): TextSelector | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where the selector's quote is in `text` now, or null when the exact quote is gone (the
 * citation is then shown as orphaned, never dropped). Among several occurrences, the one
 * whose context matches best, then the nearest to the old position, wins.
 */
export function anchorSelector(text: string, selector: TextSelector): TextPositionSelector | null {
  const { exact, prefix, suffix, start } = selector;
  if (!exact) return null;
  if (text.slice(start, selector.end) === exact) return { start, end: selector.end };
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefixLength(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    const distance = Math.abs(at - start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}
