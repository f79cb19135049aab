import { describe, expect, it } from "vitest";
import { EntityIndex, entityKey } from "./entities";
import { splitSentences } from "./sentences";

describe("entityKey", () => {
  it.each([
    ["NVIDIA", "nvidia"],
    ["Nvidia Corp.", "nvidia"],
    ["  Nvidia Corporation ", "nvidia"],
    ["OpenAI’s", "openai"],
    ["Alphabet Inc.", "alphabet"],
    ["Acme Holdings Ltd", "acme"],
    ["SoftBank Group Corp.", "softbank"],
    ["Amazon.com, Inc.", "amazon"],
    ["The Walt Disney Company", "walt disney"],
    ["Société Générale S.A.", "societe generale"],
    ["S&P Global", "s and p global"],
    ["Hewlett-Packard", "hewlett packard"],
    ["Group", "group"],
  ])("%s -> %s", (name, key) => {
    expect(entityKey(name)).toBe(key);
  });
});

const index = (text: string): { names: string[][]; idx: EntityIndex } => {
  const sentences = splitSentences(text);
  const idx = new EntityIndex(text, sentences);
  const names = sentences.map((_, i) =>
    idx
      .mentions(i)
      .filter((m) => m.kind === "org")
      .map((m) => idx.displayName(m.key)),
  );
  return { names, idx };
};

describe("EntityIndex", () => {
  it("finds organisations and skips people, places and generic capitals", () => {
    const { names } = index(
      "Amazon CEO Andy Jassy met investors in San Francisco. Jassy said Amazon and Nvidia will invest. Chinese AI firms and the EU watched.",
    );
    expect(names).toEqual([["Amazon"], ["Amazon", "Nvidia"], []]);
  });

  it("normalises display names: the spelling seen most, all-caps words in Title case", () => {
    const { idx } = index("NVIDIA rose. Shares of NVIDIA climbed, and NVIDIA Corp. said so. Analysts at IBM agreed.");
    expect(idx.displayName(entityKey("Nvidia"))).toBe("Nvidia");
    expect(idx.displayName(entityKey("IBM"))).toBe("IBM");
  });

  it("prefers the most frequent capitalisation", () => {
    const { idx } = index("We met SoftBank. Later Softbank agreed, and SoftBank paid.");
    expect(idx.displayName("softbank")).toBe("SoftBank");
  });

  it("accepts a name seen only at sentence starts when it is not a common word", () => {
    const { names } = index("Stripe raised $1 billion. Revenue rose. Shares fell.");
    expect(names).toEqual([["Stripe"], [], []]);
  });

  it("matches known names inside headlines", () => {
    const { names } = index("Meta Soars After Earnings\nInvestors cheered as Meta reported results.");
    expect(names[0]).toEqual(["Meta"]);
  });

  it("marks roles: preposition, possessive, modifier, coordination", () => {
    const text = "The round includes $50 billion from Amazon and $30 billion each from Nvidia and SoftBank, set against OpenAI’s plan and the Google deal.";
    const sentences = splitSentences(text);
    const idx = new EntityIndex(text, sentences);
    const ms = idx.mentions(0).filter((m) => m.kind === "org");
    const by = (name: string) => ms.find((m) => text.slice(m.start, m.end) === name);
    expect(by("Amazon")?.prepWord).toBe("from");
    expect(by("SoftBank")?.prep).toBe(true);
    expect(by("SoftBank")?.coordWith).toBeGreaterThanOrEqual(0);
    expect(by("OpenAI")?.possessive).toBe(true);
    expect(by("Google")?.modifier).toBe(true);
    expect(idx.mentions(0).some((m) => m.kind === "round")).toBe(true);
  });

  it("joins a full name that only opens sentences with the first word the article later uses alone", () => {
    const { names } = index(
      "Halden Water has agreed a £900 million loan for a reservoir. The water comes from a river owned by Halden and its partner Brightmoor. Halden said more would follow.",
    );
    expect(names).toEqual([["Halden Water"], ["Halden Water", "Brightmoor"], ["Halden Water"]]);
  });

  it("does not join a name with a measure after it", () => {
    const { names } = index("Orvell Shares jumped 5% on Monday. Analysts said Orvell would grow, and Orvell agreed.");
    expect(names[1]).toEqual(["Orvell", "Orvell"]);
  });

  it("keeps a number word that ends a name", () => {
    const { names } = index("Markets rose. Taloja One raised money from Northgate. Northgate will own 40% of Taloja One.");
    expect(names).toEqual([[], ["Taloja One", "Northgate"], ["Northgate", "Taloja One"]]);
  });

  it("keeps a generic word before a number word that ends a name", () => {
    const { names } = index("Capital One raised $5 billion. Shares of Capital One rose 2%.");
    expect(names).toEqual([["Capital One"], ["Capital One"]]);
  });

  it("takes a name followed by a person's job for a person", () => {
    const { names } = index("Sahyadri raised money. Neha Bhandari, an analyst at Sterling Kapoor Securities, said Sahyadri could earn more.");
    expect(names[1]).toEqual(["Sterling Kapoor Securities", "Sahyadri"]);
  });

  it("joins a two-word name with its last word when the article uses that word alone afterwards", () => {
    const { names } = index("Banco Ardén agreed to buy Orvell Bank. Ardén will pay €5 billion. Orvell said yes.");
    expect(names).toEqual([["Banco Ardén", "Orvell Bank"], ["Banco Ardén"], ["Orvell Bank"]]);
  });

  it("leaves a last word to the name that starts with it", () => {
    const { names } = index("Maison Verlaine agreed to merge with Holloway Brands. The group, Verlaine Holloway, will list. Verlaine will pay €5 billion.");
    expect(names[2]).toEqual(["Verlaine Holloway"]);
  });

  it("picks the most mentioned organisation as the focus", () => {
    const { idx } = index("Acme raised money. Acme hired. Beta watched Acme.");
    expect(idx.focus).toBe("acme");
  });
});
