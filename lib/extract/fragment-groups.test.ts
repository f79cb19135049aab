import { describe, expect, it } from "vitest";
import { FragmentGroups, hasGroup } from "./fragment-groups";

const groups = [["round", "raise"], ["valu"], ["a", "ab"], ["k", "kelvin"], ["i"], ["stake", "takeover"], ["per share"]];
const naive = (text: string): boolean[] => groups.map((g) => g.some((f) => text.toLowerCase().includes(f)));

describe("fragment groups", () => {
  const fg = new FragmentGroups(groups);
  const found = (text: string): boolean[] => {
    const bits = new Int32Array(fg.words);
    fg.scan(text, bits);
    return groups.map((_, g) => hasGroup(bits, g));
  };

  it("finds a group when any of its fragments occurs, in any case, overlapping or not", () => {
    expect(found("The company RAISED money")).toEqual(naive("The company RAISED money"));
    expect(found("takeover")).toEqual([false, false, true, true, false, true, false]); // "stake" is not inside "takeover"
    expect(found("Per Share")[6]).toBe(true);
    expect(found("")).toEqual(groups.map(() => false));
  });

  it("lower-cases as toLowerCase does: the Kelvin sign is a k, and İ an i", () => {
    expect(found("\u212Aelvin")).toEqual(naive("\u212Aelvin"));
    expect(found("\u0130")).toEqual(naive("\u0130"));
  });

  it("agrees with lower-casing and includes on random text", () => {
    let state = 7;
    const alphabet = ["a", "b", "e", "i", "k", "l", "n", "o", "r", "s", "t", "u", "v", "A", "R", "K", " ", "\u212A", "\u0130", "é", "’"];
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let k = 0; k < 1 + (n % 40); k++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        text += alphabet[state % alphabet.length];
      }
      expect(found(text), JSON.stringify(text)).toEqual(naive(text));
    }
  });

  it("tells where the fragments of each group first and last end", () => {
    // an occurrence ends at e when the characters before e, lower-cased one by one (the
    // Kelvin sign as "k", "İ" as "i" followed by U+0307, so only last), spell a fragment
    const naiveEnds = (text: string): Array<[number, number] | null> => {
      const chars = [...text].map((c) => (c === "\u212A" ? "k" : c === "\u0130" ? "i" : c.toLowerCase()));
      return groups.map((g) => {
        let first = -1;
        let last = -1;
        for (let e = 1; e <= chars.length; e++) {
          const hit = g.some((f) => e >= f.length && chars.slice(e - f.length, e).join("") === f && !text.slice(e - f.length, e - 1).includes("\u0130"));
          if (hit) {
            if (first < 0) first = e;
            last = e;
          }
        }
        return first < 0 ? null : [first, last];
      });
    };
    const ends = new Int32Array(2 * groups.length);
    let state = 11;
    const alphabet = ["a", "b", "e", "i", "k", "l", "n", "o", "r", "s", "t", "u", "v", "A", "R", "K", " ", "\u212A", "\u0130", "é"];
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let k = 0; k < 1 + (n % 40); k++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        text += alphabet[state % alphabet.length];
      }
      const bits = new Int32Array(fg.words);
      fg.scan(text, bits, ends);
      const got = groups.map((_, g) => (hasGroup(bits, g) ? [ends[g], ends[groups.length + g]] : null));
      expect(got, JSON.stringify(text)).toEqual(naiveEnds(text));
    }
  });

  it("refuses fragments it cannot match as lowercase ASCII", () => {
    expect(() => new FragmentGroups([["Round"]])).toThrow(/lowercase ASCII/);
    expect(() => new FragmentGroups([[""]])).toThrow(/empty/);
  });
});
