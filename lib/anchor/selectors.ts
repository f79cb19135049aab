import search from "approx-string-match";

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

export type FuzzyOptions = {
  /** Text the anchored span must still contain word for word (the claim's figure): a quote
   *  whose number changed is orphaned, never moved onto a different number. */
  mustContain?: string | null;
  /** Least share of the quote's characters that must match (default 0.75). */
  minQuoteScore?: number;
};

/**
 * Like anchorSelector, but when the exact quote is gone it looks for the closest approximate
 * match (Myers' bit-parallel algorithm, the one Hypothesis uses), scored on the quote, its
 * prefix and suffix, and nearness to the old position. Null means orphaned.
 */
export function anchorSelectorFuzzy(text: string, selector: TextSelector, options: FuzzyOptions = {}): (TextPositionSelector & { score: number }) | null {
  const exact = anchorSelector(text, selector);
  if (exact) return { ...exact, score: 1 };
  const { exact: quote, prefix, suffix, start: hint } = selector;
  if (!quote) return null;
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const candidates = search(text, quote, maxErrors);
  const minQuoteScore = options.minQuoteScore ?? 0.75;
  // No stored context (the quote began or ended the text) counts as neither for nor against.
  const similarity = (a: string, b: string) => {
    if (!b.length) return 1;
    if (!a.length) return 0;
    const found = search(a, b, Math.floor(b.length / 2));
    return found.length ? 1 - Math.min(...found.map((m) => m.errors)) / b.length : 0;
  };
  let best: (TextPositionSelector & { score: number }) | null = null;
  for (const m of candidates) {
    const quoteScore = 1 - m.errors / quote.length;
    if (quoteScore < minQuoteScore) continue;
    if (options.mustContain && !text.slice(m.start, m.end).includes(options.mustContain)) continue;
    const before = text.slice(Math.max(0, m.start - prefix.length), m.start);
    const after = text.slice(m.end, m.end + suffix.length);
    const nearness = text.length ? 1 - Math.abs(m.start - hint) / text.length : 1;
    const score = (50 * quoteScore + 20 * similarity(before, prefix) + 20 * similarity(after, suffix) + 2 * nearness) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}
