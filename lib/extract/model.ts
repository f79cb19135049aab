// An optional second extractor that asks a language model, behind the same interface as the
// rules: text and metadata in, suggestions with exact offsets out. Off unless the caller
// passes an OpenAI-compatible endpoint, key and model (this module reads no environment).
// The model's answer is structured output validated with zod, and nothing it says is kept
// unless its quote occurs in the article: every suggestion's start/end come from finding the
// quoted words in the text, never from the model. Suggestions carry the model's name.

import { z } from "zod";
import { splitSentences } from "./sentences";
import type { Modality, Suggestion } from "./types";

export const MODEL_EXTRACTOR = { name: "corroborate-model", version: "0.1.0" } as const;

export type ModelConfig = {
  /** e.g. "https://api.openai.com/v1" or a local server; "/chat/completions" is appended */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** injected in tests; the global fetch otherwise */
  fetch?: typeof fetch;
  /** per request; default 60 s */
  timeoutMs?: number;
  /** longest piece of text sent in one request; longer articles go in several, split at sentence ends */
  maxChars?: number;
};

const MODALITIES = ["target", "in_talks", "reported", "announced", "completed", "contingent", "estimate", "up_to", "approximately"] as const;

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One claim as the model must return it. */
export const ModelClaim = z.object({
  quote: z.string().min(1).describe("the figure exactly as written in the text, e.g. \"$122 billion\""),
  context: z.string().nullable().describe("a longer verbatim stretch of the text around the quote, to tell repeats apart"),
  subject: z.string().min(1).describe("the organisation the figure is about, e.g. OpenAI"),
  attribute: z.string().regex(/^[a-z][a-z0-9_]*$/).describe("snake_case, e.g. funding_round_size, valuation_post_money, investment_amount"),
  value: z.string().nullable().describe("exact decimal (\"122000000000\") or ISO date; null for a range"),
  low: z.string().nullable(),
  high: z.string().nullable(),
  unit: z.string().min(1).describe("ISO currency code, percent, date, count, GW, multiple, ..."),
  counterparty: z.string().nullable().describe("the investor, buyer or other party, if any"),
  modality: z.enum(MODALITIES).nullable(),
  basis: z.string().nullable().describe("pre_money, post_money, upfront, contingent, total, run_rate, ..."),
  asOf: z.string().nullable().describe("ISO date the figure holds at, if stated"),
  confidence: z.number().min(0).max(1).nullable(),
});
export type ModelClaim = z.infer<typeof ModelClaim>;

const ModelAnswer = z.object({ claims: z.array(z.unknown()) });
const AnswerSchema = z.object({ claims: z.array(ModelClaim) });

const { $schema: _drop, ...ANSWER_JSON_SCHEMA } = z.toJSONSchema(AnswerSchema) as Record<string, unknown>;
void _drop;

const SYSTEM = `You extract checkable figures from news articles for fact-checkers.
Return every money amount, range, percentage, quantity (GW, chips, users), count, multiple and dated event,
each tied to the organisation it is about. Quote each figure exactly as it appears in the text ("quote"),
with a longer verbatim "context" around it. Values are exact decimal strings with scale applied
("$1.4 trillion" -> "1400000000000"), ranges use low/high, dates are ISO (relative dates resolved
against the publication date). Use null when something is not stated. Do not invent figures.`;

type Chunk = { start: number; text: string };

function chunks(text: string, maxChars: number): Chunk[] {
  if (text.length <= maxChars) return [{ start: 0, text }];
  const out: Chunk[] = [];
  let start = 0;
  let end = 0;
  for (const s of splitSentences(text)) {
    if (s.end - start > maxChars && end > start) {
      out.push({ start, text: text.slice(start, end) });
      start = s.start;
    }
    end = s.end;
  }
  if (end > start) out.push({ start, text: text.slice(start, end) });
  return out;
}

/** Where the quote is: inside its context when the context is found, else its first occurrence not yet used. */
function locate(text: string, claim: ModelClaim, used: Set<number>): number {
  if (claim.context) {
    const c = text.indexOf(claim.context);
    if (c >= 0) {
      const q = claim.context.indexOf(claim.quote);
      if (q >= 0) return c + q;
    }
  }
  for (let at = text.indexOf(claim.quote); at >= 0; at = text.indexOf(claim.quote, at + 1)) if (!used.has(at)) return at;
  return text.indexOf(claim.quote);
}

function wellFormed(c: ModelClaim): boolean {
  const numberOk = (v: string | null): boolean => v === null || (c.unit === "date" ? ISO_DAY.test(v) : DECIMAL.test(v));
  if (!numberOk(c.value) || !numberOk(c.low) || !numberOk(c.high)) return false;
  if (c.asOf !== null && !ISO_DAY.test(c.asOf)) return false;
  return c.value !== null || (c.low !== null && c.high !== null);
}

async function ask(config: ModelConfig, chunk: Chunk, publishedAt: Date | null): Promise<unknown[]> {
  const doFetch = config.fetch ?? fetch;
  const url = `${config.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = {
    model: config.model,
    temperature: 0,
    messages: [
      { role: "system", content: SYSTEM },
      {
        role: "user",
        content: `Publication date: ${publishedAt ? publishedAt.toISOString().slice(0, 10) : "unknown"}\n\nArticle:\n${chunk.text}`,
      },
    ],
    response_format: {
      type: "json_schema",
      json_schema: { name: "claims", strict: true, schema: ANSWER_JSON_SCHEMA },
    },
  };
  const res = await doFetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${config.apiKey}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(config.timeoutMs ?? 60_000),
  });
  if (!res.ok) throw new Error(`model endpoint answered ${res.status} ${res.statusText}`.trim());
  const json = (await res.json()) as { choices?: Array<{ message?: { content?: string | null } }> };
  const content = json.choices?.[0]?.message?.content;
  if (typeof content !== "string") throw new Error("model answer has no message content");
  const parsed = ModelAnswer.safeParse(JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, "")));
  if (!parsed.success) throw new Error(`model answer is not {"claims": [...]}: ${parsed.error.message}`);
  return parsed.data.claims;
}

/**
 * Suggestions from a language model. Claims that fail validation or whose quote cannot be
 * found in the text are dropped; the rest get exact UTF-16 offsets from the text itself.
 */
export async function extractClaimsWithModel(
  text: string,
  meta: { publishedAt?: Date | null } | undefined,
  config: ModelConfig,
): Promise<Suggestion[]> {
  if (!text) return [];
  const sentences = splitSentences(text);
  const extractor = `${MODEL_EXTRACTOR.name}/${config.model}`;
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const chunk of chunks(text, config.maxChars ?? 24_000)) {
    const raw = await ask(config, chunk, meta?.publishedAt ?? null);
    const used = new Set<number>();
    for (const item of raw) {
      const parsed = ModelClaim.safeParse(item);
      if (!parsed.success || !wellFormed(parsed.data)) continue;
      const c = parsed.data;
      const local = locate(chunk.text, c, used);
      if (local < 0) continue; // the model's words are not in the article: drop
      used.add(local);
      const start = chunk.start + local;
      const end = start + c.quote.length;
      if (text.slice(start, end) !== c.quote) continue;
      const key = `${start}:${end}:${c.subject}:${c.attribute}:${c.counterparty ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sentence = sentences.find((s) => s.start <= start && end <= s.end);
      out.push({
        subject: c.subject,
        attribute: c.attribute,
        value: c.value,
        low: c.value === null ? c.low : null,
        high: c.value === null ? c.high : null,
        unit: c.unit,
        valueText: c.quote,
        counterparty: c.counterparty,
        modality: c.modality as Modality | null,
        basis: c.basis,
        asOf: c.asOf,
        start,
        end,
        sentenceStart: sentence?.start ?? start,
        sentenceEnd: sentence?.end ?? end,
        confidence: c.confidence ?? 0.5,
        extractor,
        extractorVersion: MODEL_EXTRACTOR.version,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The model extractor behind the common interface, bound to one configuration. */
export function modelExtractor(config: ModelConfig): {
  name: string;
  version: string;
  extract: (text: string, meta?: { publishedAt?: Date | null }) => Promise<Suggestion[]>;
} {
  return {
    name: `${MODEL_EXTRACTOR.name}/${config.model}`,
    version: MODEL_EXTRACTOR.version,
    extract: (text, meta) => extractClaimsWithModel(text, meta, config),
  };
}
