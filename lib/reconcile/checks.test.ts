import { describe, expect, it } from "vitest";
import { checksByFact, checkValues, runConsistencyChecks, type CheckFact, type CheckName, type CheckStatus, type CheckValue } from "./checks";
import { bn } from "./testing";

const usd = (billions: number | string, valueText?: string, extra: Partial<CheckValue> = {}): CheckValue => ({
  value: bn(billions), low: null, high: null, unit: "USD", valueText: valueText ?? null, ...extra,
});
const fact = (id: string, attribute: string, values: CheckValue[], qualifiers: CheckFact["qualifiers"] = {}, subjectKey = "openai"): CheckFact => ({
  id, subjectKey, attribute, qualifiers, values,
});

// The seed round as confirmed: the round and post-money still conflicting, the rest agreed.
const pre = fact("pre", "valuation_pre_money", [usd(730, "$730 billion")], { basis: "pre_money" });
const roundOpen = fact("round", "funding_round_size", [usd(100, "$100B"), usd(110, "$110 billion"), usd(120, "$120B"), usd(122, "$122 billion")]);
const postOpen = fact("post", "valuation_post_money", [usd(840, "$840 billion"), usd(852, "$852 billion")], { basis: "post_money" });
const amazon = fact("amazon", "investment_amount", [usd(50, "$50 billion")], { counterpartyKey: "amazon", counterparty: "Amazon" });
const amazonUp = fact("amazon-up", "investment_amount", [usd(15, "$15 billion")], { counterpartyKey: "amazon", counterparty: "Amazon", basis: "upfront" });
const amazonCont = fact("amazon-cont", "investment_amount", [usd(35, "$35 billion")], { counterpartyKey: "amazon", counterparty: "Amazon", basis: "contingent" });
const nvidia = fact("nvidia", "investment_amount", [usd(30, "$30 billion")], { counterpartyKey: "nvidia", counterparty: "Nvidia" });
const softbank = fact("softbank", "investment_amount", [usd(30, "$30 billion")], { counterpartyKey: "softbank", counterparty: "SoftBank" });
const resolved = (f: CheckFact, v: CheckValue): CheckFact => ({ ...f, values: [v] });

type Case = { name: string; facts: CheckFact[]; check: CheckName; status: CheckStatus; factIds?: string[]; message?: RegExp; difference?: string | null; settings?: { tolerance: number } };

const cases: Case[] = [
  {
    name: "pre + round = post holds for some candidates (730 + 110 = 840)",
    facts: [pre, roundOpen, postOpen],
    check: "pre_money_plus_round_equals_post_money",
    status: "ok",
    message: /^Pre-money \$730 billion \+ round \$110 billion = \$840 billion, matching the post-money valuation of \$840 billion\.$/,
    difference: "0",
  },
  {
    name: "pre + round = post holds after resolution (730 + 122 = 852)",
    facts: [pre, resolved(roundOpen, usd(122)), resolved(postOpen, usd(852))],
    check: "pre_money_plus_round_equals_post_money",
    status: "ok",
    factIds: ["pre", "round", "post"],
  },
  {
    name: "pre + round = post broken (730 + 122 ≠ 840), on every fact",
    facts: [pre, resolved(roundOpen, usd(122)), resolved(postOpen, usd(840))],
    check: "pre_money_plus_round_equals_post_money",
    status: "broken",
    factIds: ["pre", "round", "post"],
    message: /= \$852 billion, but the post-money valuation is \$840 billion \(off by \$12 billion\)\.$/,
    difference: bn(12),
  },
  {
    name: "stated precision absorbs rounding (730 + 110.4 vs $840 billion)",
    facts: [pre, resolved(roundOpen, usd("110.4", "$110.4 billion")), resolved(postOpen, usd(840, "$840 billion"))],
    check: "pre_money_plus_round_equals_post_money",
    status: "ok",
  },
  {
    name: "exact figures do not (730 + 110.4 vs 840, tolerance 0)",
    facts: [resolved(pre, usd(730)), resolved(roundOpen, usd("110.4")), resolved(postOpen, usd(840))],
    check: "pre_money_plus_round_equals_post_money",
    status: "broken",
  },
  {
    name: "the workspace tolerance does (730 + 110.4 vs 840, tolerance 0.1%)",
    facts: [resolved(pre, usd(730)), resolved(roundOpen, usd("110.4")), resolved(postOpen, usd(840))],
    check: "pre_money_plus_round_equals_post_money",
    status: "ok",
    settings: { tolerance: 0.001 },
  },
  {
    name: "pre + round with no post-money is unknown, with the implied value",
    facts: [pre, resolved(roundOpen, usd(110))],
    check: "pre_money_plus_round_equals_post_money",
    status: "unknown",
    message: /implies \$840 billion/,
  },
  {
    name: "post − pre implies the round when it is missing",
    facts: [pre, resolved(postOpen, usd(852))],
    check: "pre_money_plus_round_equals_post_money",
    status: "unknown",
    message: /implies a round of \$122 billion/,
  },
  {
    name: "different currencies cannot be added",
    facts: [pre, resolved(roundOpen, { ...usd(110), unit: "EUR" }), resolved(postOpen, usd(840))],
    check: "pre_money_plus_round_equals_post_money",
    status: "unknown",
  },
  {
    name: "named investors fit within the round (50 + 30 + 30 ≤ 122)",
    facts: [resolved(roundOpen, usd(122)), amazon, nvidia, softbank],
    check: "investors_within_round",
    status: "ok",
    message: /^Named investors' amounts \(Amazon \$50 billion \+ Nvidia \$30 billion \+ SoftBank \$30 billion = \$110 billion\) fit within the \$122 billion round\.$/,
  },
  {
    name: "named investors exceed the round (110 > 100), on every fact",
    facts: [resolved(roundOpen, usd(100)), amazon, nvidia, softbank],
    check: "investors_within_round",
    status: "broken",
    factIds: ["round", "amazon", "nvidia", "softbank"],
    message: /add up to \$110 billion, more than the \$100 billion round \(off by \$10 billion\)/,
    difference: bn(10),
  },
  {
    name: "an investor known only by upfront + contingent counts both",
    facts: [resolved(roundOpen, usd(40)), amazonUp, amazonCont],
    check: "investors_within_round",
    status: "broken",
    factIds: ["round", "amazon-up", "amazon-cont"],
  },
  {
    name: "the round's largest candidate counts (110 ≤ 122 among 100…122)",
    facts: [roundOpen, amazon, nvidia, softbank],
    check: "investors_within_round",
    status: "ok",
  },
  {
    name: "upfront + contingent = total (15 + 35 = 50)",
    facts: [amazon, amazonUp, amazonCont],
    check: "upfront_plus_contingent_equals_total",
    status: "ok",
    message: /^Amazon: upfront \$15 billion \+ contingent \$35 billion = \$50 billion, matching the total of \$50 billion\.$/,
  },
  {
    name: "upfront + contingent ≠ total (15 + 30 vs 50)",
    facts: [amazon, amazonUp, resolved(amazonCont, usd(30, "$30 billion"))],
    check: "upfront_plus_contingent_equals_total",
    status: "broken",
    factIds: ["amazon-up", "amazon-cont", "amazon"],
    message: /but the total is \$50 billion \(off by \$5 billion\)/,
  },
  {
    name: "a missing contingent part is implied",
    facts: [amazon, amazonUp],
    check: "upfront_plus_contingent_equals_total",
    status: "unknown",
    message: /implies \$35 billion contingent/,
  },
  {
    name: "previous valuation + increase = new (500 + 340 = 840)",
    facts: [
      fact("val", "valuation", [usd(500, "$500 billion", { asOf: "2025-10-01" }), usd(830, "$830B")]),
      resolved(postOpen, usd(840, "$840 billion", { asOf: "2026-03-02" })),
      fact("inc", "valuation_increase", [usd(340, "$340 billion")]),
    ],
    check: "previous_plus_increase_equals_new",
    status: "ok",
    factIds: ["val", "inc", "post"],
    message: /^Previous valuation \$500 billion \+ increase \$340 billion = \$840 billion, matching the new valuation of \$840 billion\.$/,
  },
  {
    name: "previous valuation + increase matches nothing",
    facts: [fact("val", "valuation", [usd(500, "$500 billion")]), resolved(postOpen, usd(852, "$852 billion")), fact("inc", "valuation_increase", [usd(300, "$300 billion")])],
    check: "previous_plus_increase_equals_new",
    status: "broken",
    factIds: ["inc", "val", "post"],
  },
  {
    name: "an increase with one valuation is unknown",
    facts: [resolved(postOpen, usd(840)), fact("inc", "valuation_increase", [usd(340)])],
    check: "previous_plus_increase_equals_new",
    status: "unknown",
  },
];

describe("runConsistencyChecks", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const results = runConsistencyChecks(c.facts, c.settings);
    const r = results.find((x) => x.check === c.check);
    expect(r, JSON.stringify(results.map((x) => [x.check, x.status]))).toBeDefined();
    expect(r?.status).toBe(c.status);
    if (c.factIds) expect([...(r?.factIds ?? [])].sort()).toEqual([...c.factIds].sort());
    if (c.message) expect(r?.message).toMatch(c.message);
    if (c.difference !== undefined) expect(r?.numbers.difference).toBe(c.difference);
  });

  it("reports nothing for facts no check is about", () => {
    expect(runConsistencyChecks([fact("h", "headcount", [usd(1)]), fact("u", "users", [usd(2)])])).toEqual([]);
  });

  it("keeps subjects apart and orders results stably", () => {
    const other = (f: CheckFact) => ({ ...f, id: `x-${f.id}`, subjectKey: "anthropic" });
    const facts = [pre, resolved(roundOpen, usd(122)), resolved(postOpen, usd(852)), other(pre), other(resolved(roundOpen, usd(1))), other(resolved(postOpen, usd(852)))];
    const results = runConsistencyChecks(facts).filter((r) => r.check === "pre_money_plus_round_equals_post_money");
    expect(results.map((r) => [r.subjectKey, r.status])).toEqual([["anthropic", "broken"], ["openai", "ok"]]);
    expect(runConsistencyChecks([...facts].reverse())).toEqual(runConsistencyChecks(facts));
  });

  it("gives the operands and their difference", () => {
    const [r] = runConsistencyChecks([pre, resolved(roundOpen, usd(122)), resolved(postOpen, usd(840))]);
    expect(r?.numbers).toMatchObject({
      operands: [{ role: "pre_money", factId: "pre", label: "$730 billion" }, { role: "round_size", factId: "round", label: "$122 billion" }],
      result: { role: "post_money", factId: "post", label: "$840 billion" },
      sum: bn(852),
      difference: bn(12),
    });
  });
});

describe("checksByFact", () => {
  it("shows a broken check on every fact it touches", () => {
    const results = runConsistencyChecks([pre, resolved(roundOpen, usd(122)), resolved(postOpen, usd(840)), amazon, nvidia, softbank]);
    const map = checksByFact(results);
    for (const id of ["pre", "round", "post"]) expect(map.get(id)?.some((r) => r.status === "broken")).toBe(true);
    expect(map.get("amazon")?.map((r) => r.check)).toEqual(["investors_within_round"]);
  });
});

describe("checkValues", () => {
  const claims = [
    { ...usd(110, "$110 billion"), rank: "normal" as const },
    { ...usd(122, "$122B"), rank: "normal" as const },
    { ...usd(122, "$122 billion"), rank: "preferred" as const },
    { ...usd(100, "$100B"), rank: "deprecated" as const },
  ];
  it("uses the accepted value once resolved", () => {
    expect(checkValues(claims, { accepted: { value: bn(122), low: null, high: null, unit: "USD" } })).toEqual([{ value: bn(122), low: null, high: null, unit: "USD" }]);
  });
  it("otherwise gives one value per cluster of agreeing, non-deprecated claims", () => {
    expect(checkValues(claims, null).map((v) => v.valueText)).toEqual(["$110 billion", "$122B"]);
  });
});
