import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { MODEL_EXTRACTOR, extractClaimsWithModel, modelExtractor, type ModelConfig } from "./model";

const TEXT =
  "Acme raised $5 billion in new funding on March 3, 2026. Beta invested $2 billion.\n" +
  "Later, Acme said the $5 billion round valued it at $40 billion post-money.";

const claim = (over: Record<string, unknown>): Record<string, unknown> => ({
  quote: "$5 billion",
  context: null,
  subject: "Acme",
  attribute: "funding_round_size",
  value: "5000000000",
  low: null,
  high: null,
  unit: "USD",
  counterparty: null,
  modality: "completed",
  basis: null,
  asOf: null,
  confidence: 0.9,
  ...over,
});

type Call = { url: string; init: RequestInit };

/** A fake OpenAI-compatible endpoint: records the request, answers with canned content. */
function fake(content: unknown, status = 200): { config: ModelConfig; calls: Call[] } {
  const calls: Call[] = [];
  const f = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const body = { choices: [{ message: { content: typeof content === "string" ? content : JSON.stringify(content) } }] };
    return new Response(JSON.stringify(body), { status, statusText: status === 200 ? "OK" : "Bad Gateway" });
  }) as typeof fetch;
  return { config: { baseUrl: "http://model.test/v1/", apiKey: "sk-test", model: "tiny-1", fetch: f }, calls };
}

describe("extractClaimsWithModel", () => {
  it("sends one structured-output chat request with the key, the model and the publication date", async () => {
    const { config, calls } = fake({ claims: [] });
    await extractClaimsWithModel(TEXT, { publishedAt: new Date("2026-03-04T00:00:00Z") }, config);
    expect(calls).toHaveLength(1);
    const call = calls[0] as Call;
    expect(call.url).toBe("http://model.test/v1/chat/completions");
    expect((call.init.headers as Record<string, string>).authorization).toBe("Bearer sk-test");
    const body = JSON.parse(String(call.init.body)) as { model: string; response_format: { type: string }; messages: Array<{ content: string }> };
    expect(body.model).toBe("tiny-1");
    expect(body.response_format.type).toBe("json_schema");
    expect(body.messages[1]?.content).toContain("2026-03-04");
  });

  it("anchors each quote in the text and names the model", async () => {
    const { config } = fake({
      claims: [
        claim({}),
        claim({ quote: "$2 billion", subject: "Acme", attribute: "investment_amount", value: "2000000000", counterparty: "Beta", modality: null }),
        claim({ quote: "$40 billion", attribute: "valuation_post_money", value: "40000000000", basis: "post_money", confidence: null }),
      ],
    });
    const out = await extractClaimsWithModel(TEXT, undefined, config);
    expect(out.map((s) => TEXT.slice(s.start, s.end))).toEqual(["$5 billion", "$2 billion", "$40 billion"]);
    for (const s of out) {
      expect(s.extractor).toBe("corroborate-model/tiny-1");
      expect(s.extractorVersion).toBe(MODEL_EXTRACTOR.version);
      expect(s.sentenceStart).toBeLessThanOrEqual(s.start);
      expect(s.sentenceEnd).toBeGreaterThanOrEqual(s.end);
    }
    expect(out[2]?.confidence).toBe(0.5);
  });

  it("uses the context to find the right one of repeated quotes", async () => {
    const { config } = fake({ claims: [claim({ context: "said the $5 billion round" })] });
    const [s] = await extractClaimsWithModel(TEXT, undefined, config);
    expect(s?.start).toBe(TEXT.lastIndexOf("$5 billion"));
  });

  it("drops what is not in the text, malformed values and invalid items", async () => {
    const { config } = fake({
      claims: [
        claim({ quote: "$7 billion", value: "7000000000" }), // invented
        claim({ value: "five billion" }), // not a decimal
        claim({ value: null, low: null, high: null }), // no value at all
        claim({ attribute: "Round Size" }), // not snake_case
        { quote: "$2 billion" }, // missing fields
        claim({ quote: "March 3, 2026", attribute: "closing_date", unit: "date", value: "2026-03-03" }),
      ],
    });
    const out = await extractClaimsWithModel(TEXT, undefined, config);
    expect(out.map((s) => s.valueText)).toEqual(["March 3, 2026"]);
  });

  it("accepts an answer wrapped in a code fence", async () => {
    const { config } = fake("```json\n" + JSON.stringify({ claims: [claim({})] }) + "\n```");
    expect(await extractClaimsWithModel(TEXT, undefined, config)).toHaveLength(1);
  });

  it("fails loudly on an HTTP error or an answer of the wrong shape", async () => {
    await expect(extractClaimsWithModel(TEXT, undefined, fake({}, 502).config)).rejects.toThrow(/502/);
    await expect(extractClaimsWithModel(TEXT, undefined, fake({ items: [] }).config)).rejects.toThrow(/claims/);
  });

  it("splits long texts and keeps offsets absolute", async () => {
    const { config, calls } = fake({ claims: [claim({ quote: "$2 billion", attribute: "investment_amount", value: "2000000000" })] });
    const out = await extractClaimsWithModel(TEXT, undefined, { ...config, maxChars: 60 });
    expect(calls.length).toBeGreaterThan(1);
    expect(out.every((s) => TEXT.slice(s.start, s.end) === "$2 billion")).toBe(true);
  });

  it("offers the common extractor interface", async () => {
    const ex = modelExtractor(fake({ claims: [claim({})] }).config);
    expect(ex.name).toBe("corroborate-model/tiny-1");
    expect(await ex.extract(TEXT)).toHaveLength(1);
  });
});

describe("extractClaimsWithModel against a local fake server", () => {
  it("talks HTTP to an OpenAI-compatible endpoint with the global fetch", async () => {
    let seen: { url?: string; auth?: string; model?: string } = {};
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (d: Buffer) => (raw += d.toString()));
      req.on("end", () => {
        seen = { url: req.url, auth: req.headers.authorization, model: (JSON.parse(raw) as { model: string }).model };
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify({ claims: [claim({})] }) } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const out = await extractClaimsWithModel(TEXT, undefined, { baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: "local", model: "fake" });
      expect(seen).toEqual({ url: "/v1/chat/completions", auth: "Bearer local", model: "fake" });
      expect(out.map((s) => [s.valueText, s.start, s.extractor])).toEqual([["$5 billion", TEXT.indexOf("$5 billion"), "corroborate-model/fake"]]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
