import { describe, expect, it } from "vitest";
import { numbered } from "./numbered";

describe("numbered", () => {
  it("numbers named groups among unnamed ones, skipping classes, escapes and lookarounds", () => {
    const named = /(?<cur>[$€(])(\d+)(?:\.(?<dec>\d+))?(?<=\d)(?!\))\((?<unit>[a-z\]]+)\)/u;
    const { re, at } = numbered(named, ["cur", "dec", "unit"]);
    expect(at).toEqual({ cur: 1, dec: 3, unit: 4 });
    expect(re.flags).toBe("u");
    const text = "$12.50(bn) and €7(m])";
    for (const s of [text, text.slice(11)]) {
      const a = named.exec(s);
      const b = re.exec(s);
      expect(b?.index).toBe(a?.index);
      expect([b?.[at.cur], b?.[at.dec], b?.[at.unit]]).toEqual([a?.groups?.cur, a?.groups?.dec, a?.groups?.unit]);
    }
  });

  it("refuses patterns it cannot number safely", () => {
    expect(() => numbered(/(?<a>x)\k<a>/, ["a"])).toThrow(/backreference/);
    expect(() => numbered(/(?<a>x)(?<b>y)/, ["a"])).toThrow(/unlisted/);
    expect(() => numbered(/(?<a>x)/, ["a", "b" as "a"])).toThrow(/no group/);
  });
});
