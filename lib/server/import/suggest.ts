import "server-only";
import { EXTRACTOR, extractClaims } from "@/lib/extract";
import { modelExtractor, type ModelConfig } from "@/lib/extract/model";
import type { Suggestion } from "@/lib/extract/types";

export type Extracted = { suggestions: Suggestion[]; extractor: { name: string; version: string } };

/**
 * The model extractor's settings, or null (the default) unless an OpenAI-compatible endpoint,
 * key and model name are all configured.
 */
export function modelConfigFromEnv(env: Record<string, string | undefined> = process.env): ModelConfig | null {
  const baseUrl = env.EXTRACT_MODEL_BASE_URL?.trim();
  const apiKey = env.EXTRACT_MODEL_API_KEY?.trim();
  const model = env.EXTRACT_MODEL_NAME?.trim();
  if (!baseUrl || !apiKey || !model) return null;
  const timeoutMs = Number(env.EXTRACT_MODEL_TIMEOUT_MS) || undefined;
  return { baseUrl, apiKey, model, timeoutMs };
}

/**
 * Proposes the claims of a normalized article text: by the model when one is configured, else
 * by the rules. A model that fails or times out falls back to the rules, so an import never
 * fails for want of a model. Call it outside any database transaction: it may wait on the network.
 */
export async function suggestClaims(text: string, publishedAt: Date | null, config: ModelConfig | null = modelConfigFromEnv()): Promise<Extracted> {
  if (config) {
    const model = modelExtractor(config);
    try {
      return { suggestions: await model.extract(text, { publishedAt }), extractor: { name: model.name, version: model.version } };
    } catch (error) {
      console.warn(`[extract] the model extractor failed, the rules propose instead: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { suggestions: extractClaims(text, { publishedAt }), extractor: EXTRACTOR };
}
