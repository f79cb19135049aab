import { describe, expect, it } from "vitest";
import { segmentText } from "./highlight";

describe("segmentText", () => {
  const text = "OpenAI raised $122 billion at $852 billion.";
  const a = { id: "a", start: 14, end: 26 };
  const b = { id: "b", start: 30, end: 42 };

  it("rebuilds the text exactly, with highlights where claims are", () => {
    const segments = segmentText(text, [b, a]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.spanId).map((s) => [s.spanId, s.text])).toEqual([["a", "$122 billion"], ["b", "$852 billion"]]);
  });

  it("keeps the first of two overlapping spans and drops spans outside the text", () => {
    const segments = segmentText(text, [a, { id: "overlap", start: 20, end: 30 }, { id: "outside", start: 40, end: 99 }]);
    expect(segments.filter((s) => s.spanId).map((s) => s.spanId)).toEqual(["a"]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });
});
