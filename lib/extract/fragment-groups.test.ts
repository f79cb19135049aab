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

  it("refuses fragments it cannot match as lowercase ASCII", () => {
    expect(() => new FragmentGroups([["Round"]])).toThrow(/lowercase ASCII/);
    expect(() => new FragmentGroups([[""]])).toThrow(/empty/);
  });
});
