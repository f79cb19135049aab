// The windows and clause around a figure: where they stop (clause marks, a colon, a spaced dash,
// a full stop before a space, neighbouring figures) and what they read through (a hyphen in a
// word, an acronym in brackets, a decimal point).
import { describe, expect, it } from "vitest";
import { buildContext } from "./context";
import { newFigure } from "./figure-shape";
import type { Figure, Sentence } from "./types";

/** The context of the figure written as `figure` in `s`, with the other figures named in `others`. */
function contextOf(s: string, figure: string, others: string[] = []) {
  const at = (w: string): Figure => {
    const i = s.indexOf(w);
    if (i < 0) throw new Error(`${w} not in ${s}`);
    return newFigure("money", i, i + w.length, "1", null, null, "USD");
  };
  const figures = [figure, ...others].map(at).sort((a, b) => a.start - b.start);
  const sentence: Sentence = { start: 0, end: s.length, headline: false, table: null };
  const f = at(figure);
  return buildContext(s, sentence, figures, figures.findIndex((g) => g.start === f.start));
}

describe("buildContext", () => {
  it("cuts the left window at the last clause mark before the figure and the right at the first after it", () => {
    const ctx = contextOf("In a filing, the company said revenue rose to $5 billion, up from a year ago; costs fell.", "$5 billion");
    expect(ctx.left).toBe(" the company said revenue rose to ");
    expect(ctx.right).toBe("");
    expect(ctx.clause).toBe(" the company said revenue rose to $5 billion");
  });

  it("ends the right window at a colon or a full stop before a space, but the clause only at the colon", () => {
    const ctx = contextOf("It paid $5 billion in cash. Analysts: pleased", "$5 billion");
    expect(ctx.right).toBe(" in cash");
    expect(ctx.clause).toBe("It paid $5 billion in cash. Analysts");
  });

  it("reads through a hyphen inside a word and a decimal point, but stops at a dash between spaces", () => {
    const s = "The Calgary-based group worth 2.5 times more raised $5 billion - a record for it";
    const ctx = contextOf(s, "$5 billion");
    expect(ctx.left).toBe("The Calgary-based group worth 2.5 times more raised ");
    expect(ctx.right).toBe(" ");
    expect(ctx.clause).toBe("The Calgary-based group worth 2.5 times more raised $5 billion ");
    const hyphenAfter = contextOf("The group raised $5 billion in a three-year round - a record", "$5 billion");
    expect(hyphenAfter.right).toBe(" in a three-year round ");
  });

  it("reads through an acronym in brackets that glosses the word before it, but not through other brackets", () => {
    const glossed = contextOf("Core earnings (EBITDA) rose to $5 billion", "$5 billion");
    expect(glossed.left).toBe("Core earnings (EBITDA) rose to ");
    const aside = contextOf("Core earnings (before a charge) rose to $5 billion", "$5 billion");
    expect(aside.left).toBe(" rose to ");
  });

  it("reads the clause past the figures next to it, and the windows only up to them", () => {
    const ctx = contextOf("It raised $2 billion and $5 billion from investors, in total", "$5 billion", ["$2 billion"]);
    expect(ctx.clause).toBe("It raised $2 billion and $5 billion from investors");
    expect(ctx.right).toBe(" from investors");
    expect(ctx.left).toBe(" and ");
  });

  it("finds the window and clause of a figure at the very start or end of the sentence", () => {
    const first = contextOf("$5 billion, it said", "$5 billion");
    expect(first).toMatchObject({ left: "", right: "", clauseStart: 0, clause: "$5 billion" });
    const last = contextOf("It raised $5 billion", "$5 billion");
    expect(last).toMatchObject({ right: "", clause: "It raised $5 billion", clauseEnd: "It raised $5 billion".length });
  });
});
