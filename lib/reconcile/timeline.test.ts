import { describe, expect, it } from "vitest";
import { factTimeline } from "./timeline";
import { bn, claim, seedRoundClaims } from "./testing";

describe("factTimeline", () => {
  it("orders the seed round's values by as-of, else published date, each with its stage", () => {
    const rows = factTimeline(seedRoundClaims()).map((e) => [e.date, e.dateSource, e.stage, e.label, e.claimIds.join(",")]);
    expect(rows).toEqual([
      ["2026-02-01", "published", "target", "$100 billion", "r100-target"],
      ["2026-02-01", "as_of", "announced", "$100 billion", "r100-announced"],
      ["2026-02-01", "published", null, "$100 billion", "r100-plus"],
      ["2026-02-27", "published", "announced", "$110 billion", "r110"],
      ["2026-03-02", "published", "announced", "$120 billion", "r120"],
      ["2026-03-31", "as_of", "completed", "$122 billion", "r122-completed"],
      ["2026-04-02", "published", null, "$122 billion", "r122-pulse"],
    ]);
  });

  it.each([
    [
      "the as-of date wins over the published date",
      [
        claim({ id: "late-article-early-fact", value: bn(1), asOf: "2025-01-01", art: ["a", "A", "2026-06-01"] }),
        claim({ id: "early-article", value: bn(2), art: ["b", "B", "2025-06-01"] }),
      ],
      ["late-article-early-fact", "early-article"],
    ],
    [
      "on the same date, earlier stages come first",
      [
        claim({ id: "done", value: bn(3), modality: "completed", art: ["a", "A", "2026-01-01"] }),
        claim({ id: "talks", value: bn(2), modality: "in_talks", art: ["b", "B", "2026-01-01"] }),
        claim({ id: "goal", value: bn(1), modality: "target", art: ["c", "C", "2026-01-01"] }),
      ],
      ["goal", "talks", "done"],
    ],
    [
      "undated claims go last",
      [claim({ id: "undated", value: bn(1) }), claim({ id: "dated", value: bn(2), asOf: new Date("2026-01-01T00:00:00Z") })],
      ["dated", "undated"],
    ],
  ])("%s", (_name, claims, order) => {
    expect(factTimeline(claims).flatMap((e) => e.claimIds)).toEqual(order);
  });

  it("merges claims with the same date, stage and value into one entry", () => {
    const entries = factTimeline([
      claim({ id: "a", value: bn(122), modality: "completed", asOf: "2026-03-31", art: ["x", "AI News", "2026-03-31"] }),
      claim({ id: "b", value: "122000000000.00", modality: "completed", art: ["y", "Wire", "2026-03-31"] }),
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ claimIds: ["a", "b"], articleIds: ["x", "y"], outlets: ["AI News", "Wire"], dateSource: "as_of", modalities: ["completed"] });
  });
});
