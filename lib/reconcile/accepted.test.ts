import { describe, expect, it } from "vitest";
import { compatibleEntries, contradictsTimeline, describeAcceptedTimeline, fitsTimeline, suggestAcceptedTimeline, timelineRanks, type AcceptedEntry } from "./accepted";
import { checkValues } from "./checks";
import { factState } from "./facts";
import { bn, claim, seedRoundClaims } from "./testing";

// The editor's timeline for a round: announced at $110 billion on 27 Feb, closed at $122
// billion on 31 Mar.
const ROUND: AcceptedEntry[] = [
  { value: bn(110), low: null, high: null, asOf: "2026-02-27", modality: "announced", claimIds: ["r110"] },
  { value: bn(122), low: null, high: null, asOf: "2026-03-31", modality: "completed", claimIds: ["r122"] },
];

const asOf = (id: string, value: string, day: string, extra: Partial<Parameters<typeof claim>[0]> = {}) => claim({ id, value, asOf: day, ...extra });
const published = (id: string, value: string, day: string, extra: Partial<Parameters<typeof claim>[0]> = {}) =>
  claim({ id, value, art: [`art-${id}`, "Wire", day], ...extra });

describe("suggestAcceptedTimeline", () => {
  it("starts from the computed timeline, folding consecutive reports of the same value into one row", () => {
    const rows = suggestAcceptedTimeline(seedRoundClaims());
    expect(rows.map((r) => [r.value, r.asOf, r.modality, r.claimIds.join(",")])).toEqual([
      [bn(100), "2026-02-01", "announced", "r100-target,r100-announced,r100-plus"],
      [bn(110), "2026-02-27", "announced", "r110"],
      [bn(120), "2026-03-02", "announced", "r120"],
      [bn(122), "2026-03-31", "completed", "r122-completed,r122-pulse"],
    ]);
  });

  it("folds an undated report into the row with its value, and keeps an undated new value as a row with no date", () => {
    const rows = suggestAcceptedTimeline([asOf("a", bn(2), "2026-05-04"), claim({ id: "b", value: bn(2) }), claim({ id: "c", value: bn(3) })]);
    expect(rows.map((r) => [r.value, r.asOf, r.claimIds])).toEqual([[bn(2), "2026-05-04", ["a", "b"]], [bn(3), null, ["c"]]]);
  });

  it("leaves out values in a unit other than the fact's", () => {
    const rows = suggestAcceptedTimeline([asOf("usd", bn(340), "2026-03-02"), asOf("pct", "-18", "2026-03-01", { unit: "percent" }), asOf("usd2", bn(350), "2026-04-01")], "USD");
    expect(rows.map((r) => r.claimIds)).toEqual([["usd"], ["usd2"]]);
  });

  it("folds reports of one value on one day even when another value sits between them", () => {
    const rows = suggestAcceptedTimeline([
      published("announced", bn(110), "2026-02-27", { modality: "announced" }),
      published("previous", bn(40), "2026-02-27", { modality: "completed" }),
      published("plain", bn(110), "2026-02-27"),
    ]);
    expect(rows.map((r) => [r.value, r.modality, r.claimIds.join(",")])).toEqual([[bn(110), "announced", "announced,plain"], [bn(40), "completed", "previous"]]);
  });
});

describe("compatibleEntries", () => {
  it.each([
    ["an as-of date inside the first period", asOf("x", "1", "2026-03-05"), [0]],
    ["an as-of date after the last change", asOf("x", "1", "2026-04-10"), [1]],
    ["the day of a change (either value may be reported)", asOf("x", "1", "2026-03-31"), [0, 1]],
    ["an as-of date before the timeline starts (the first value)", asOf("x", "1", "2026-01-15"), [0]],
    ["a published date after both changes (reports look back)", published("x", "1", "2026-04-10"), [0, 1]],
    ["a published date inside the first period", published("x", "1", "2026-03-05"), [0]],
    ["no date at all", claim({ id: "x", value: "1" }), [0, 1]],
  ])("%s", (_name, c, expected) => {
    expect(compatibleEntries(c, ROUND)).toEqual(expected);
  });
});

describe("the contradiction rule for a timeline resolution", () => {
  it.each([
    ["the latest value, reported after the close", asOf("c", bn(122), "2026-04-10"), false],
    ["the announced value, as of a day it held", asOf("c", bn(110), "2026-03-05"), false],
    ["the announced value, rounded as written", asOf("c", bn(110), "2026-03-05", { valueText: "$110B" }), false],
    ["the announced value as of a day after the close", asOf("c", bn(110), "2026-04-10"), true],
    ["the announced value in an article published after the close, with no as-of date", published("c", bn(110), "2026-04-10"), false],
    ["the closing value as of a day before the close", asOf("c", bn(122), "2026-03-01"), true],
    ["a value no entry has", published("c", bn(125), "2026-04-10"), true],
    ["a value before the timeline starts that differs from its first value", asOf("c", bn(100), "2026-01-15"), true],
    ["the first value, before the timeline starts", asOf("c", bn(110), "2026-01-15"), false],
    ["a later stage than the entry it matches ('completed at $110 billion')", asOf("c", bn(110), "2026-03-05", { modality: "completed" }), true],
    ["an earlier stage than the entry it matches ('$122 billion, announced')", asOf("c", bn(122), "2026-04-10", { modality: "announced" }), false],
  ])("%s → contradicts: %s", (_name, c, contradicts) => {
    expect(contradictsTimeline(c, ROUND, "USD")).toBe(contradicts);
    expect(fitsTimeline(c, ROUND, "USD")).toBe(!contradicts);
  });

  it("uses the workspace tolerance like every other agreement", () => {
    const close = asOf("c", "122400000000", "2026-04-10", { valueText: "$122.4 billion" });
    expect(contradictsTimeline(close, ROUND, "USD", { tolerance: 0 })).toBe(true);
    expect(contradictsTimeline(close, ROUND, "USD", { tolerance: 0.01 })).toBe(false);
  });

  it("agrees with a range entry when the claim falls in it", () => {
    const ranged: AcceptedEntry[] = [
      { value: null, low: bn(750), high: bn(830), asOf: "2026-02-01", modality: "in_talks", claimIds: [] },
      { value: bn(852), low: null, high: null, asOf: "2026-03-31", modality: "completed", claimIds: [] },
    ];
    expect(contradictsTimeline(asOf("c", bn(800), "2026-02-10"), ranged, "USD")).toBe(false);
    expect(contradictsTimeline(asOf("c", bn(900), "2026-02-10"), ranged, "USD")).toBe(true);
  });

  it("reopens a fact resolved to a timeline only for a contradicting claim confirmed after the resolution", () => {
    const resolvedAt = new Date("2026-05-01T00:00:00Z");
    const resolution = { accepted: { value: bn(122), low: null, high: null, unit: "USD" }, resolvedAt, timeline: ROUND };
    const before = { ...asOf("old", bn(100), "2026-04-10"), confirmedAt: new Date("2026-04-30T00:00:00Z") };
    const agreeing = { ...published("late-110", bn(110), "2026-05-02"), confirmedAt: new Date("2026-05-02T00:00:00Z") };
    const contradicting = { ...asOf("late-110-asof", bn(110), "2026-05-02"), confirmedAt: new Date("2026-05-02T00:00:00Z") };
    expect(factState([before, agreeing], resolution)).toBe("resolved");
    expect(factState([before, agreeing, contradicting], resolution)).toBe("conflicting");
    // The same claims against a one-value resolution at $122 billion: the $110 billion report reopens it.
    expect(factState([before, agreeing], { accepted: resolution.accepted, resolvedAt })).toBe("conflicting");
  });
});

describe("timelineRanks", () => {
  it("prefers the latest value's claims, keeps earlier values normal and deprecates what fits no entry", () => {
    const claims = [
      asOf("r110", bn(110), "2026-02-27"),
      asOf("r122", bn(122), "2026-03-31"),
      published("uncited-110", bn(110), "2026-04-02"),
      asOf("stray", bn(100), "2026-03-10"),
    ];
    expect(timelineRanks(claims, ROUND, "USD")).toEqual([
      { claimId: "r110", rank: "normal" },
      { claimId: "r122", rank: "preferred" },
      { claimId: "uncited-110", rank: "normal" },
      { claimId: "stray", rank: "deprecated" },
    ]);
  });
});

describe("describeAcceptedTimeline", () => {
  it("reads as values with their stage and date, in order", () => {
    expect(describeAcceptedTimeline(ROUND, "USD")).toBe("$110 billion announced 27 Feb 2026 → $122 billion completed 31 Mar 2026");
    expect(describeAcceptedTimeline([{ ...ROUND[0]!, modality: null, value: null, low: bn(1), high: bn(2) }], "USD")).toBe("$1 billion – $2 billion 27 Feb 2026");
  });
});

describe("checkValues with an accepted timeline", () => {
  it("offers every accepted value, each dated, to the consistency checks", () => {
    const values = checkValues([], { accepted: { value: bn(122), low: null, high: null, unit: "USD" }, timeline: ROUND });
    expect(values).toEqual([
      { value: bn(110), low: null, high: null, unit: "USD", asOf: "2026-02-27" },
      { value: bn(122), low: null, high: null, unit: "USD", asOf: "2026-03-31" },
    ]);
  });
});
