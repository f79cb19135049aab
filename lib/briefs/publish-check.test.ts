import { describe, expect, it } from "vitest";
import { decidePublish, publishBlockers, type CitedFact } from "./publish-check";

const fact = (id: string, patch: Partial<CitedFact> = {}): CitedFact => ({ id, label: `Fact ${id}`, state: "resolved", stale: false, claimCount: 2, ...patch });

describe("publishBlockers", () => {
  it.each([
    ["an agreed fact", fact("a", { state: "agreed" }), null],
    ["a resolved fact", fact("a"), null],
    ["a conflicting fact", fact("a", { state: "conflicting" }), "conflicting"],
    ["a stale resolution", fact("a", { stale: true }), "stale"],
    ["a fact without confirmed claims", fact("a", { claimCount: 0, state: "agreed" }), "no_evidence"],
  ] as const)("%s", (_name, f, reason) => {
    expect(publishBlockers([f]).map((b) => b.reason)).toEqual(reason ? [reason] : []);
  });
});

describe("decidePublish", () => {
  const blockers = publishBlockers([fact("a", { state: "conflicting" }), fact("b", { stale: true })]);

  it("publishes when nothing blocks, and drops a note that is not needed", () => {
    expect(decidePublish([], "A note nobody asked for, long enough.")).toEqual({ ok: true, overridden: [], note: null });
  });

  it("refuses without a note, naming each fact and why", () => {
    const d = decidePublish(blockers, "  ");
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.message).toContain("Fact a: its sources disagree");
      expect(d.message).toContain("Fact b: its evidence changed");
    }
  });

  it("refuses a note too short to explain anything", () => {
    expect(decidePublish(blockers, "ok").ok).toBe(false);
  });

  it("publishes over the blockers with a note, trimmed", () => {
    expect(decidePublish(blockers, "  Figures are provisional until the close is filed.  ")).toEqual({
      ok: true, overridden: blockers, note: "Figures are provisional until the close is filed.",
    });
  });
});
