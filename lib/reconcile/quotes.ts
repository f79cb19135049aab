// Telling copies from independent reporting: near-identical sentences (token similarity with
// the figures masked, so "raised $110 billion" and "raised $122 billion" read alike) and the
// origin a sentence attributes its figure to ("according to Reuters", "The Information
// previously reported").

import { append } from "./util";

/** Sentences shorter than this (in words) are too generic to call copies of each other. */
export const MIN_COPY_TOKENS = 6;

const FIGURE = /(?:[$€£¥₹₩]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|thousand|million|billion|trillion|bn|mn|tn|[kmbt])\b)?\+?/giu;

/** Lowercased words with every figure replaced by "#"; quotes and dashes folded. */
export function quoteTokens(quote: string): string[] {
  return (/^[\x00-\x7f]*$/.test(quote) ? quote : quote.normalize("NFKC"))
    .toLowerCase()
    .replace(/[‘’ʼ]/g, "'")
    .replace(FIGURE, " # ")
    .split(/[^\p{L}\p{N}#']+/u)
    .map((t) => t.replace(/^'+|'+$/g, ""))
    .filter(Boolean);
}

/** A quote reduced to what similarity needs; build once per claim, compare many times. */
export type QuoteSignature = { tokens: number; shingles: Float64Array; text: string };

/**
 * Interns words to integers; a word bigram is the number (first × 2^21 + second), so
 * signatures are sorted number arrays and comparisons are merges. One table per call.
 */
export class ShingleTable {
  private words = new Map<string, number>();
  private seen = new Map<string, QuoteSignature>();
  signature(quote: string): QuoteSignature {
    const hit = this.seen.get(quote);
    if (hit) return hit;
    const sig = this.build(quote);
    this.seen.set(quote, sig);
    return sig;
  }
  private build(quote: string): QuoteSignature {
    const words = quoteTokens(quote);
    const ids = words.map((w) => {
      let id = this.words.get(w);
      if (id === undefined) {
        id = this.words.size + 1;
        this.words.set(w, id);
      }
      return id;
    });
    const grams = ids.length < 2 ? ids : ids.slice(1).map((id, i) => (ids[i] as number) * 2_097_152 + id);
    return { tokens: words.length, shingles: Float64Array.from(new Set(grams)).sort(), text: words.join(" ") };
  }
}

/** Dice coefficient of two signatures' word-bigram sets, 0–1. */
export function signatureSimilarity(a: QuoteSignature, b: QuoteSignature): number {
  const x = a.shingles;
  const y = b.shingles;
  if (x.length === 0 || y.length === 0) return a.text === b.text && a.text !== "" ? 1 : 0;
  if (a.text === b.text) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const p = x[i] as number;
    const q = y[j] as number;
    if (p === q) {
      shared++;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return (2 * shared) / (x.length + y.length);
}

/** The best similarity two signatures could reach given their sizes alone (for pruning). */
export const similarityBound = (a: QuoteSignature, b: QuoteSignature): number =>
  a.shingles.length + b.shingles.length === 0 ? 1 : (2 * Math.min(a.shingles.length, b.shingles.length)) / (a.shingles.length + b.shingles.length);

/**
 * How alike two sentences are (0–1), ignoring case, punctuation and the figures themselves.
 * Near-identical wording (≥ 0.8 by default) means one source copied the other.
 */
export function quoteSimilarity(a: string, b: string): number {
  const table = new ShingleTable();
  return signatureSimilarity(table.signature(a), table.signature(b));
}

/** Two signatures are copies when they are long enough to be distinctive and similar enough. */
export function nearIdentical(a: QuoteSignature, b: QuoteSignature, threshold: number): number | null {
  if (a.tokens < MIN_COPY_TOKENS || b.tokens < MIN_COPY_TOKENS) return null;
  if (similarityBound(a, b) < threshold) return null;
  const s = signatureSimilarity(a, b);
  return s >= threshold ? s : null;
}

/**
 * Families of copied sentences among many quotes: identical normalized sentences, and
 * distinct ones that are near-identical (directly or through a chain of near-identical
 * versions). Distinct sentences are only compared when they share one of their rarest
 * shingles (prefix filtering, exact for the Dice threshold) and are not already in one family,
 * so even hundreds of mutually similar quotes cost about one comparison each. Built once per
 * call over the call's claims (indices are claim indices).
 */
export class CopyIndex {
  /** Family id per claim (-1: no quote, or too short to judge). */
  readonly family: Int32Array;
  private sigs: (QuoteSignature | null)[];
  private byFamily = new Map<number, number[]>();

  constructor(signatures: readonly (QuoteSignature | null)[], threshold: number) {
    this.sigs = [...signatures];
    const byText = new Map<string, number>();
    const classSig: QuoteSignature[] = [];
    const classOf = signatures.map((sig) => {
      if (!sig || sig.tokens < MIN_COPY_TOKENS || sig.shingles.length === 0) return -1;
      let c = byText.get(sig.text);
      if (c === undefined) {
        c = classSig.length;
        byText.set(sig.text, c);
        classSig.push(sig);
      }
      return c;
    });

    const parent = classSig.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        const up = parent[parent[i] as number] as number;
        parent[i] = up;
        i = up;
      }
      return i;
    };
    const freq = new Map<number, number>();
    for (const sig of classSig) for (const g of sig.shingles) freq.set(g, (freq.get(g) ?? 0) + 1);
    const index = new Map<number, number[]>();
    classSig.forEach((sig, c) => {
      const ordered = Array.from(sig.shingles).sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || a - b);
      const overlap = Math.ceil((threshold * ordered.length) / (2 - threshold) - 1e-9);
      const prefix = ordered.slice(0, Math.max(1, ordered.length - overlap + 1));
      for (const g of prefix) {
        const list = index.get(g);
        if (!list) {
          index.set(g, [c]);
          continue;
        }
        for (const d of list) {
          const [x, y] = [find(c), find(d)];
          if (x === y) continue;
          const other = classSig[d] as QuoteSignature;
          if (similarityBound(sig, other) >= threshold && signatureSimilarity(sig, other) >= threshold) parent[Math.max(x, y)] = Math.min(x, y);
        }
        list.push(c);
      }
    });
    this.family = Int32Array.from(classOf, (c) => (c < 0 ? -1 : find(c)));
    this.family.forEach((f, i) => {
      if (f >= 0) append(this.byFamily, f, i);
    });
  }

  /** The claims whose quotes are in claim i's family (i included), by index; empty when none. */
  members(i: number): readonly number[] {
    const f = this.family[i] ?? -1;
    return f < 0 ? [] : (this.byFamily.get(f) ?? []);
  }

  /** How alike two claims' quotes are (0–1). */
  similarity(i: number, j: number): number {
    const a = this.sigs[i];
    const b = this.sigs[j];
    return a && b ? signatureSimilarity(a, b) : 0;
  }
}

const NAME = String.raw`((?:[Tt]he\s+)?[A-Z][\p{L}\p{N}&.'’-]*(?:\s+(?:[A-Z][\p{L}\p{N}&.'’-]*|of|and|&))*)`;
const ORIGIN_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b[Aa]ccording to (?:a |an )?(?:(?:new |recent )?reports? (?:from|by|in) )?${NAME}`, "u"),
  new RegExp(String.raw`\b(?:[Rr]eported|first reported|[Aa] report|[Rr]eports|[Aa]n article|[Aa] story) (?:by|from|in) ${NAME}`, "u"),
  new RegExp(String.raw`${NAME}\s+(?:(?:previously|first|earlier|also|had|has|exclusively)\s+)*(?:reported|reports|revealed|wrote|writes|broke the news)\b`, "u"),
  new RegExp(String.raw`\b[Cc]iting ${NAME}`, "u"),
  new RegExp(String.raw`\b[Pp]er ${NAME}`, "u"),
  new RegExp(String.raw`\(${NAME}\)\s*[-–—]`, "u"),
];
const NOT_ORIGINS = new Set(["it", "he", "she", "they", "we", "this", "that", "sources", "people", "analysts", "company", "report", "reports", "media", "i", "a", "an"]);

/** A source's name folded for comparison: "The Information" ~ "information", "Reuters’" ~ "reuters". */
export function sourceKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’']s\b|[’']$/g, "")
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\.(?:com|org|net|co\.uk|co|io|ai|news)$/, "")
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}&]+/gu, " ")
    .trim();
  return key && !NOT_ORIGINS.has(key) ? key : null;
}

/**
 * The origin a sentence attributes its figures to: "according to Reuters", "Reuters reported",
 * "The Information previously reported", "citing Bloomberg", "(Reuters) -". Null when the
 * sentence names none (anonymous "people familiar" sources are not an origin).
 */
export function attributedOrigin(quote: string | null | undefined): { name: string; key: string } | null {
  if (!quote) return null;
  for (const re of ORIGIN_PATTERNS) {
    const m = re.exec(quote);
    const raw = m?.[1]?.replace(/\s+(?:of|and|&)$/, "").replace(/[.,]+$/, "");
    const key = sourceKey(raw);
    if (raw && key) return { name: raw.replace(/[’']s$/, ""), key };
  }
  return null;
}
