// The model extractor in the product: off unless an endpoint, key and model are configured;
// when they are, imports store the model's suggestions under its name, and a model that fails
// leaves the rules to propose, so the import still succeeds.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EXTRACTOR } from "@/lib/extract";
import { importArticle } from "@/lib/server/commands/articles";
import { db } from "@/lib/server/db";
import { createWorkspace, uniq, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { modelConfigFromEnv } from "./suggest";

let ws: TestWorkspace;
let server: Server;
let answer: { status: number; claims: unknown[] } = { status: 200, claims: [] };
let requests = 0;

beforeAll(async () => {
  ws = await createWorkspace("model-extractor");
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      requests++;
      res.statusCode = answer.status;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify({ claims: answer.claims }) } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  delete process.env.EXTRACT_MODEL_BASE_URL;
  delete process.env.EXTRACT_MODEL_API_KEY;
  delete process.env.EXTRACT_MODEL_NAME;
});

function configureModel() {
  process.env.EXTRACT_MODEL_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  process.env.EXTRACT_MODEL_API_KEY = "local-test-key";
  process.env.EXTRACT_MODEL_NAME = "fake-model";
}

const claim = (company: string) => ({
  quote: "$7 billion", context: null, subject: company, attribute: "funding_round_size", value: "7000000000", low: null, high: null,
  unit: "USD", counterparty: null, modality: "completed", basis: null, asOf: null, confidence: 0.8,
});

async function importText(company: string) {
  const text = `${company} raised $7 billion in a round that closed on Monday, the company said.`;
  const result = await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: `${company} round`, text });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (!result.ok) throw new Error(result.message);
  return db.claim.findMany({ where: { articleId: result.data.articleId }, select: { valueText: true, subject: true, extractor: true, extractorVersion: true } });
}

describe("the model extractor", () => {
  it("is off unless endpoint, key and model are all set", () => {
    expect(modelConfigFromEnv({ EXTRACT_MODEL_BASE_URL: "http://x/v1", EXTRACT_MODEL_API_KEY: "k" })).toBeNull();
    expect(modelConfigFromEnv({})).toBeNull();
    expect(modelConfigFromEnv({ EXTRACT_MODEL_BASE_URL: "http://x/v1", EXTRACT_MODEL_API_KEY: "k", EXTRACT_MODEL_NAME: "m" })).toMatchObject({ model: "m" });
  });

  it("when configured, proposes an import's claims, marked with the model's name", async () => {
    configureModel();
    const company = `Zephyr${uniq()}`;
    answer = { status: 200, claims: [claim(company)] };
    const before = requests;
    const claims = await importText(company);
    expect(requests).toBe(before + 1);
    expect(claims).toEqual([{ valueText: "$7 billion", subject: company, extractor: "corroborate-model/fake-model", extractorVersion: expect.any(String) }]);
  });

  it("when the model fails, the rules propose and the import still succeeds", async () => {
    configureModel();
    const company = `Zephyr${uniq()}`;
    answer = { status: 500, claims: [] };
    const claims = await importText(company);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.extractor === EXTRACTOR.name)).toBe(true);
  });

  it("unconfigured, the rules propose without calling any endpoint", async () => {
    const before = requests;
    const claims = await importText(`Zephyr${uniq()}`);
    expect(requests).toBe(before);
    expect(claims.every((c) => c.extractor === EXTRACTOR.name && c.extractorVersion === EXTRACTOR.version)).toBe(true);
  });
});
