// Shared number patterns. A number is "1,234", "1234", "1.4" or "1,234.5".

export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

/** Scale words and their powers of ten. */
export const SCALE_POW: Record<string, number> = {
  thousand: 3, k: 3,
  lakh: 5, crore: 7,
  million: 6, mn: 6, mln: 6, m: 6, mm: 6,
  billion: 9, bn: 9, bln: 9, b: 9,
  trillion: 12, tn: 12, trn: 12, t: 12,
};

/** "billion" -> "[Bb][Ii][Ll]..." so scale words match in headlines ("$145 Billion") too. */
export function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join("");
}

const SCALE_WORDS = ["trillion", "billion", "million", "thousand", "crore", "lakh"].map(anyCase).join("|");

/** A scale after a number: " billion", "-billion", "bn", or an attached single letter ("$5B"). */
export const SCALE = String.raw`(?:[\s-]?(?:${SCALE_WORDS}|tn|trn|bn|bln|mn|mln)(?![\p{L}])|(?:MM|Bn|BN|[kKmMbBtT])(?![\p{L}\p{N}]))`;
export const WORD_SCALE = String.raw`(?:[\s-](?:${["trillion", "billion", "million", "thousand"].map(anyCase).join("|")}|bn|mn)(?![\p{L}]))`;

const powCache = new Map<string, number>();

export function scalePow(raw: string | undefined): number {
  if (!raw) return 0;
  let p = powCache.get(raw);
  if (p === undefined) {
    p = SCALE_POW[raw.replace(/[\s-]/g, "").toLowerCase()] ?? 0;
    powCache.set(raw, p);
  }
  return p;
}
