import { describe, expect, it } from "vitest";
import { heldoutBSet, heldoutSet, seedSet } from "./eval/fixtures";
import { extractClaims } from "./index";

// Imports run the extractor on whatever text a page yields: it must never throw, and every
// suggestion must quote the text exactly, however mangled the input.
const texts = [...seedSet(), ...heldoutSet(), ...heldoutBSet()].map((a) => a.text);
const insertions = [
  "\u0000", "\uFEFF", "\u200B", "\uD83D\uDE00", "\uD800", "\uDC00", "ſ", "\u212A", "İ", "ß", "\r\n", "\t", "|", "||", "$", "€", "%", "-", "—",
  "..", "…", "“", "”", "’", "(", ")", "[", "]", "1", "9,", ",000", ".5", "billion", "March", "Q4", "H2", "last ", "the ", "The company",
  " its ", "\n\n", "\n- ", "\n| a | b |\n|---|---|\n| X | $5bn |\n", "OSLO, May 3 - ", "A$", "SEK ", "crowns", "GMT",
];

function mangle(text: string, seed: number): string {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  let out = text;
  for (let k = 1 + next(30); k > 0; k--) {
    const at = next(out.length + 1);
    out = out.slice(0, at) + insertions[next(insertions.length)] + out.slice(at + next(3));
  }
  return out;
}

describe("the extractor on mangled text", () => {
  it("never throws, and quotes every figure exactly", () => {
    for (let i = 0; i < 300; i++) {
      const text = mangle(texts[i % texts.length] as string, i + 1);
      const suggestions = extractClaims(text, { publishedAt: i % 2 ? new Date("2026-05-01T00:00:00Z") : null });
      for (const s of suggestions) expect(text.slice(s.start, s.end), `case ${i}`).toBe(s.valueText);
    }
  }, 30_000); // about 2 s alone; the margin is for a loaded machine, not for a slow extractor

  it("handles pathological shapes: a run of figures without full stops, long lines of capitals, symbol soup", () => {
    for (const text of ["$1".repeat(20000), "1,".repeat(20000), "A".repeat(50000), "Acme Corp raised $5 billion, ".repeat(1000), "Word ".repeat(20000) + "$5", "| X | $5bn | 3% |\n".repeat(1000)]) {
      const suggestions = extractClaims(text, { publishedAt: null });
      for (const s of suggestions) expect(text.slice(s.start, s.end)).toBe(s.valueText);
    }
  });
});
