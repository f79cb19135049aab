import { describe, expect, it } from "vitest";
import { correctionsLog, describeChange, diffSnapshots } from "./diff";
import type { BriefSnapshot } from "./snapshot";

const footnote = (value: string) => ({ n: 1, subject: "OpenAI", attribute: "Funding round size", value, state: "resolved" as const, rationale: null, sources: [] });
const snap = (title: string, statements: string[], value = "$110 billion", extra: Partial<BriefSnapshot> = {}): BriefSnapshot => ({
  title,
  sections: [{ heading: "", statements: statements.map((text) => ({ text, footnotes: [1] })) }],
  footnotes: [footnote(value)],
  ...extra,
});

describe("diffSnapshots", () => {
  it("finds nothing between equal versions", () => {
    const a = snap("T", ["One.", "Two."]);
    expect(diffSnapshots(a, a)).toEqual([]);
  });

  it("reads an edited sentence as one change, and notes additions, removals, title and values", () => {
    const a = snap("The round", ["OpenAI raised $110 billion.", "Amazon led.", "It was big."]);
    const b = snap("The round, corrected", ["OpenAI raised $122 billion.", "Amazon led.", "Nvidia joined."], "$122 billion");
    expect(diffSnapshots(a, b)).toEqual([
      { kind: "title", from: "The round", to: "The round, corrected" },
      { kind: "changed", from: "OpenAI raised $110 billion.", to: "OpenAI raised $122 billion." },
      { kind: "changed", from: "It was big.", to: "Nvidia joined." },
      { kind: "value", fact: "OpenAI · Funding round size", from: "$110 billion", to: "$122 billion" },
    ]);
  });

  it("tells pure additions and removals apart", () => {
    expect(diffSnapshots(snap("T", ["A.", "B."]), snap("T", ["A.", "B.", "C."]))).toEqual([{ kind: "added", text: "C." }]);
    expect(diffSnapshots(snap("T", ["A.", "B."]), snap("T", ["B."]))).toEqual([{ kind: "removed", text: "A." }]);
  });

  it("renders each change as a sentence", () => {
    expect(describeChange({ kind: "value", fact: "OpenAI · Funding round size", from: "$110 billion", to: "$122 billion" })).toBe("OpenAI · Funding round size: $110 billion → $122 billion");
  });
});

describe("correctionsLog", () => {
  const versions = [
    { number: 1, publishedAt: "2026-03-01T00:00:00.000Z", snapshot: snap("T", ["OpenAI raised $110 billion."]) },
    { number: 2, publishedAt: "2026-04-01T00:00:00.000Z", snapshot: snap("T", ["OpenAI raised $122 billion."], "$122 billion", { changeNote: "The round closed larger." }) },
    { number: 3, publishedAt: "2026-05-01T00:00:00.000Z", snapshot: snap("T", ["OpenAI raised $122 billion.", "More."], "$122 billion") },
  ];

  it("lists, newest first, what each version changed, up to the one shown", () => {
    const log = correctionsLog(versions, 2);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ number: 2, changeNote: "The round closed larger.", overrideNote: null });
    expect(log[0]!.changes.map((c) => c.kind)).toEqual(["changed", "value"]);
    expect(correctionsLog(versions, 3).map((c) => c.number)).toEqual([3, 2]);
    expect(correctionsLog(versions, 1)).toEqual([]);
  });

  it("reads snapshots written before change notes existed", () => {
    const old = versions.map((v) => ({ ...v, snapshot: { title: v.snapshot.title, sections: v.snapshot.sections, footnotes: v.snapshot.footnotes } }));
    expect(correctionsLog(old, 2)[0]).toMatchObject({ changeNote: null, overrideNote: null });
  });
});
