import { describe, expect, it } from "vitest";
import { normalizeText, textHash } from "./normalize";

describe("normalizeText", () => {
  it.each([
    ["Windows line breaks", "a\r\nb\rc", "a\nb\nc"],
    ["runs of spaces and tabs", "OpenAI  raised\t$122B", "OpenAI raised $122B"],
    ["non-breaking and thin spaces", "$122\u00A0billion\u202Fnow", "$122 billion now"],
    ["zero-width characters", "Open\u200BAI", "OpenAI"],
    ["control characters such as NUL", "Open\u0000AI\u0007 raised", "OpenAI raised"],
    ["blank-line runs", "one\n\n\n\ntwo", "one\n\ntwo"],
    ["spaces around line breaks", "one  \n  two", "one\ntwo"],
    ["leading and trailing space", "  date 2026-02-27 text  ", "date 2026-02-27 text"],
    ["decomposed accents become composed", "Cafe\u0301", "Caf\u00e9"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = normalizeText(" a \r\n\r\n\r\n b\u00A0 c ");
    expect(normalizeText(once)).toBe(once);
  });
});

describe("textHash", () => {
  it("is the same for texts that differ only in case and spacing", () => {
    expect(textHash("OpenAI raised\n$122B")).toBe(textHash("openai raised $122B"));
  });
  it("differs when a figure differs", () => {
    expect(textHash("OpenAI raised $122B")).not.toBe(textHash("OpenAI raised $120B"));
  });
});
