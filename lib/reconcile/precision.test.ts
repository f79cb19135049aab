import { describe, expect, it } from "vitest";
import { datePrecision } from "./dates";
import { decAdd, decCmp, decFromNumber, decHalf, decMul, decSub, decToString, parseDec, type Dec } from "./decimal";
import { statedRange, valuesAgree, writtenStep, type PrecisionInput } from "./precision";

const usd = (value: string, valueText?: string, modality?: string): PrecisionInput => ({
  value, low: null, high: null, unit: "USD", valueText: valueText ?? null, modality: modality ?? null,
});
const range = (low: string, high: string, valueText?: string): PrecisionInput => ({ value: null, low, high, unit: "USD", valueText: valueText ?? null });
const date = (value: string, valueText?: string): PrecisionInput => ({ value, low: null, high: null, unit: "date", valueText: valueText ?? null });
const B = (n: string) => decToString(decMul(parseDec(n) as Dec, { n: 1_000_000_000n, e: 0 }));

describe("exact decimals", () => {
  it.each([
    ["122000000000", "122000000000"],
    ["0012.50", "12.5"],
    ["-0.050", "-0.05"],
    ["+3", "3"],
  ])("parse/print %s -> %s", (input, out) => expect(decToString(parseDec(input) as Dec)).toBe(out));

  it.each([["1e9"], [""], ["2026-03-01"], ["abc"]])("rejects %j", (input) => expect(parseDec(input)).toBeNull());

  it("adds, subtracts, halves and compares without floating point", () => {
    const a = parseDec("0.1") as Dec;
    const b = parseDec("0.2") as Dec;
    expect(decToString(decAdd(a, b))).toBe("0.3");
    expect(decToString(decSub(parseDec("852000000000") as Dec, parseDec("730000000000") as Dec))).toBe("122000000000");
    expect(decToString(decHalf(parseDec("100000000000") as Dec))).toBe("50000000000");
    expect(decCmp(parseDec("122000000000.0000000001") as Dec, parseDec("122000000000") as Dec)).toBe(1);
    expect(decToString(decFromNumber(0.02) as Dec)).toBe("0.02");
    expect(decToString(decFromNumber(1e-7) as Dec)).toBe("0.0000001");
  });
});

describe("writtenStep: the rounding step the writing implies", () => {
  it.each([
    ["$122 billion", "122000000000", "1000000000"],
    ["$122B", "122000000000", "1000000000"],
    ["$1.4 trillion", "1400000000000", "100000000000"],
    ["$100B+", "100000000000", "1000000000"],
    ["$750-830 billion", "750000000000", "1000000000"],
    ["$750-830 billion", "830000000000", "1000000000"],
    ["1.6 million", "1600000", "100000"],
    ["18%", "18", "1"],
    ["$8.88", "8.88", "0.01"],
    ["$40,000", "40000", "1"],
    ["US$5bn", "5000000000", "1000000000"],
  ])("%s writes %s to the nearest %s", (text, target, step) => {
    expect(decToString(writtenStep(text, parseDec(target) as Dec) as Dec)).toBe(step);
  });

  it("is null when the text does not write the value (an edited claim)", () => {
    expect(writtenStep("$122 billion", parseDec("125000000000") as Dec)).toBeNull();
  });
});

describe("statedRange", () => {
  it.each<[string, PrecisionInput, Partial<ReturnType<typeof statedRange>>]>([
    ["exact without valueText", usd("122000000000"), { kind: "exact", low: "122000000000", high: "122000000000", step: null }],
    ["$122 billion ±0.5 billion", usd(B("122"), "$122 billion"), { kind: "rounded", low: B("121.5"), high: B("122.5") }],
    ["$1.4 trillion ±0.05 trillion", usd("1400000000000", "$1.4 trillion"), { kind: "rounded", low: "1350000000000", high: "1450000000000" }],
    ["$100B+ is at least", usd(B("100"), "$100B+"), { kind: "at_least", low: B("100"), high: null }],
    ["up to (modality) is at most", usd(B("4"), "$4 billion", "up_to"), { kind: "at_most", low: null, high: B("4") }],
    ["up to (in the quote) is at most", { ...usd(B("4"), "$4 billion"), quote: "a commitment of up to $4 billion" }, { kind: "at_most", high: B("4") }],
    ["more than (written) is at least", usd(B("9"), "more than $9 billion"), { kind: "at_least", low: B("9") }],
    ["roughly widens to ±5%", usd(B("120"), "roughly $120 billion"), { kind: "approximate", low: B("114"), high: B("126"), approximate: true }],
    ["~ keeps the rounding step when wider", usd(B("3"), "~$3B"), { kind: "approximate", low: B("2.5"), high: B("3.5") }],
    ["estimate modality is approximate", usd(B("505"), "$505B", "estimate"), { kind: "approximate", approximate: true }],
    ["nearly is just under", usd(B("100"), "nearly $100 billion"), { kind: "at_most", low: B("95"), high: B("100") }],
    ["a range keeps each end's precision", range(B("750"), B("830"), "$750-830 billion"), { kind: "range", low: B("749.5"), high: B("830.5") }],
    ["a bare range is exact at its ends", range("5", "7"), { kind: "range", low: "5", high: "7" }],
    ["a month-precision date spans the month", date("2026-03-01", "March 2026"), { kind: "rounded", low: "2026-03-01", high: "2026-03-31", datePrecision: "month" }],
    ["a day date is exact", date("2026-02-27", "27th of last month"), { kind: "exact", low: "2026-02-27", high: "2026-02-27" }],
    ["an unparseable value is unknown", usd("n/a"), { kind: "unknown" }],
  ])("%s", (_name, input, expected) => {
    expect(statedRange(input)).toMatchObject(expected);
  });
});

describe("datePrecision", () => {
  it.each([
    ["March 2026", "month"],
    ["March of last year", "month"],
    ["last month", "month"],
    ["27th of last month", "day"],
    ["March 31st 2026", "day"],
    ["January 31", "day"],
    ["2026-02-27", "day"],
    ["2026-03", "month"],
    ["Q1 2026", "quarter"],
    ["2025", "year"],
    ["", "day"],
  ])("%s -> %s", (text, precision) => expect(datePrecision(text)).toBe(precision));
});

describe("valuesAgree", () => {
  it.each<[string, PrecisionInput, PrecisionInput, number, boolean]>([
    ["the same exact value", usd("110000000000"), usd("110000000000.00"), 0, true],
    ["different exact values, tolerance 0", usd("110000000000"), usd("110000000001"), 0, false],
    ["100B+ and 100.2B", usd(B("100"), "$100B+"), usd(B("100.2"), "$100.2B"), 0, true],
    ["100B+ and 99B", usd(B("100"), "$100B+"), usd(B("99"), "$99B"), 0, false],
    ["roughly 3 billion and 3.1 billion", usd(B("3"), "roughly $3 billion"), usd(B("3.1"), "$3.1 billion"), 0, true],
    ["3 billion and 3.1 billion (each within its rounding)", usd(B("3"), "$3 billion"), usd(B("3.1"), "$3.1 billion"), 0, true],
    ["3 billion and 3.6 billion", usd(B("3"), "$3 billion"), usd(B("3.6"), "$3.6 billion"), 0, false],
    ["2 billion and 2.5 billion (2.5 does not round to 2)", usd(B("2"), "$2 billion"), usd(B("2.5"), "$2.5 billion"), 0, false],
    ["122 billion and 122.4 billion (the finer rounds to the coarser)", usd(B("122"), "$122 billion"), usd(B("122.4"), "$122.4 billion"), 0, true],
    ["110 billion and 122 billion", usd(B("110"), "$110 billion"), usd(B("122"), "$122 billion"), 0, false],
    ["120B and 122B, tolerance 0", usd(B("120"), "$120B"), usd(B("122"), "$122B"), 0, false],
    ["120B and 122B, tolerance 2%", usd(B("120"), "$120B"), usd(B("122"), "$122B"), 0.02, true],
    ["exact 100 and 101, tolerance 1%", usd("100"), usd("101"), 0.01, true],
    ["exact 100 and 102, tolerance 1%", usd("100"), usd("102"), 0.01, false],
    ["1.4 trillion and 1.38 trillion", usd("1400000000000", "$1.4 trillion"), usd("1380000000000", "$1.38 trillion"), 0, true],
    ["up to 4 billion and 3 billion", usd(B("4"), "up to $4 billion"), usd(B("3"), "$3 billion"), 0, true],
    ["up to 4 billion and 5 billion", usd(B("4"), "up to $4 billion"), usd(B("5"), "$5 billion"), 0, false],
    ["overlapping ranges", range(B("750"), B("830")), range(B("800"), B("900")), 0, true],
    ["disjoint ranges", range(B("750"), B("830")), range(B("840"), B("900")), 0, false],
    ["a point inside a range", usd(B("830"), "$830B"), range(B("750"), B("830"), "$750-830 billion"), 0, true],
    ["a point outside a range", usd(B("852"), "$852 billion"), range(B("750"), B("830"), "$750-830 billion"), 0, false],
    ["different currencies never agree", usd("5"), { ...usd("5"), unit: "EUR" }, 0.5, false],
    ["equal dates", date("2026-03-31"), date("2026-03-31"), 0, true],
    ["different days", date("2026-03-30"), date("2026-03-31"), 0.5, false],
    ["a day inside a month-precision date", date("2026-03-01", "March 2026"), date("2026-03-31", "March 31st 2026"), 0, true],
    ["a day outside a month-precision date", date("2026-03-01", "March 2026"), date("2026-04-01", "April 1"), 0, false],
    ["both empty", { value: null, low: null, high: null, unit: "USD" }, { value: null, low: null, high: null, unit: "USD" }, 0, true],
    ["one empty", { value: null, low: null, high: null, unit: "USD" }, usd("1"), 0, false],
  ])("%s", (_name, a, b, tolerance, expected) => {
    expect(valuesAgree(a, b, { tolerance })).toBe(expected);
    expect(valuesAgree(b, a, { tolerance })).toBe(expected);
  });
});
