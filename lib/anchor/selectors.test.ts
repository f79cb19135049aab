import { describe, expect, it } from "vitest";
import { anchorSelector, anchorSelectorFuzzy, describeSpan } from "./selectors";

const text = "OpenAI raised $110 billion in February. Later reports said $110 billion was only the first close.";

describe("describeSpan", () => {
  it("records the quote with 32 characters of context on each side", () => {
    const start = text.indexOf("$110 billion");
    const selector = describeSpan(text, start, start + 12);
    expect(selector).toEqual({ exact: "$110 billion", prefix: "OpenAI raised ", suffix: " in February. Later reports said", start, end: start + 12 });
  });

  it.each([
    ["an empty span", 5, 5],
    ["a span past the end", 0, text.length + 1],
    ["a negative start", -1, 3],
  ])("refuses %s", (_name, start, end) => {
    expect(describeSpan(text, start, end)).toBeNull();
  });
});

describe("anchorSelector", () => {
  const second = text.lastIndexOf("$110 billion");
  const selector = describeSpan(text, second, second + 12)!;

  it("uses the position when the text is unchanged", () => {
    expect(anchorSelector(text, selector)).toEqual({ start: second, end: second + 12 });
  });

  it("finds the right occurrence by its context after words were inserted before it", () => {
    const edited = "Update: " + text.replace("OpenAI raised", "OpenAI, the ChatGPT maker, raised");
    const found = anchorSelector(edited, selector)!;
    expect(edited.slice(found.start, found.end)).toBe("$110 billion");
    expect(found.start).toBe(edited.lastIndexOf("$110 billion"));
  });

  it("returns null when the quoted figure itself changed", () => {
    expect(anchorSelector(text.replaceAll("$110 billion", "$122 billion"), selector)).toBeNull();
  });
});

describe("anchorSelectorFuzzy on edited texts", () => {
  const original =
    "Amazon will invest $50 billion in OpenAI, with $15 billion upfront and the rest contingent on milestones.\n\n" +
    "The company said the round remains open and that additional investors may join.";
  const sentence = "Amazon will invest $50 billion in OpenAI, with $15 billion upfront and the rest contingent on milestones.";
  const selector = describeSpan(original, 0, sentence.length)!;
  const figure = "$50 billion";

  it("re-anchors when a few words of the quoted sentence changed", () => {
    const edited = "Update: " + original.replace("will invest", "is set to invest").replace("on milestones", "on later milestones");
    const found = anchorSelectorFuzzy(edited, selector, { mustContain: figure })!;
    expect(found).not.toBeNull();
    expect(edited.slice(found.start, found.end)).toContain("is set to invest $50 billion");
    expect(found.score).toBeGreaterThan(0.75);
  });

  it("finds the quote again when paragraphs were moved", () => {
    const [first, second] = original.split("\n\n");
    const moved = `${second}\n\n${first}`;
    const found = anchorSelectorFuzzy(moved, selector, { mustContain: figure })!;
    expect(moved.slice(found.start, found.end)).toBe(sentence);
  });

  it("orphans the citation when the quoted number itself changed", () => {
    const changed = original.replace("$50 billion", "$55 billion");
    expect(anchorSelectorFuzzy(changed, selector, { mustContain: figure })).toBeNull();
  });

  it("orphans the citation when the passage is gone", () => {
    expect(anchorSelectorFuzzy("An unrelated article about chip exports and tariffs in 2026.", selector, { mustContain: figure })).toBeNull();
  });
});
