import { describe, expect, it } from "vitest";
import { ATTRIBUTE_RULES, KEYWORDS_WITHOUT_HINT, LEFT_WITHOUT_HINT } from "./attributes";
import { heldoutBSet, heldoutCSet, heldoutDSet, heldoutESet, heldoutSet, seedSet } from "./eval/fixtures";
import { findFigures } from "./figures";
import { splitSentences } from "./sentences";

// The extractor runs a rule's patterns only where one of its hint fragments lies, so a match
// without one would be lost without a word. This holds the rules to it on every text we have.
const texts = [seedSet, heldoutSet, heldoutBSet, heldoutCSet, heldoutDSet, heldoutESet].flatMap((set) => set().map((a) => a.text));
const holdsHint = (match: string, hint: readonly string[]): boolean => hint.some((h) => match.toLowerCase().includes(h));

describe("attribute rule hints", () => {
  it("every keyword match holds one of its rule's hints, except in the rules listed as exempt", () => {
    const missing: string[] = [];
    for (const text of texts) {
      for (const rule of ATTRIBUTE_RULES) {
        if (KEYWORDS_WITHOUT_HINT.has(rule.attribute)) continue;
        for (const m of text.matchAll(new RegExp(rule.kw.source, rule.kw.flags.includes("g") ? rule.kw.flags : `${rule.kw.flags}g`))) {
          if (!holdsHint(m[0], rule.hint)) missing.push(`${rule.attribute}: ${m[0]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("every left-words match before a figure holds one of its rule's hints, except in the rules listed as exempt", () => {
    const missing: string[] = [];
    let tested = 0;
    for (const text of texts) {
      for (const st of splitSentences(text)) {
        for (const f of findFigures(text, st.start, st.end, null)) {
          const left = text.slice(Math.max(st.start, f.start - 120), f.start);
          for (const rule of ATTRIBUTE_RULES) {
            if (!rule.left || LEFT_WITHOUT_HINT.has(rule.attribute)) continue;
            const m = rule.left.exec(left);
            if (!m) continue;
            tested++;
            if (!holdsHint(m[0], rule.hint)) missing.push(`${rule.attribute}: ${m[0]}`);
          }
        }
      }
    }
    expect(tested).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
