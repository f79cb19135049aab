import { z } from "zod";
import { isRealDate } from "./dates";
import { MAX_IMPORT_BYTES } from "./decode";

// Bulk import: one JSON object per line. Every line is checked on its own, so a malformed line
// is reported with its number and reason while the others still import. Blank lines are skipped.

export type BulkItem = {
  url: string | null;
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  text: string | null;
  html: string | null;
};

export type JsonlLineError = { line: number; message: string };
export type ParsedJsonl = { items: { line: number; item: BulkItem }[]; errors: JsonlLineError[] };

export const MAX_JSONL_LINES = 10_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** An optional text field: missing, null or blank → null; anything but a string is refused. */
const optionalText = (field: string, max: number) =>
  z
    .string({ error: `"${field}" must be text.` })
    .max(max, { error: `"${field}" is too long (at most ${max.toLocaleString("en-US")} characters).` })
    .nullish()
    .transform((value) => (value?.trim() ? value.trim() : null));

const url = z
  .string({ error: '"url" must be text.' })
  .trim()
  .max(2048, { error: '"url" is too long.' })
  .nullish()
  .refine((value) => !value || isHttpUrl(value), { error: '"url" must be a full http:// or https:// address.' })
  .transform((value) => (value ? new URL(value).href : null));

const publishedAt = z
  .string({ error: '"publishedAt" must be text such as "2026-02-27".' })
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    const match = ISO_DATE.exec(value);
    if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      ctx.addIssue({ code: "custom", message: `"publishedAt" must be a date like 2026-02-27 or an ISO date-time like 2026-02-27T14:05:00Z, not "${value.slice(0, 40)}".` });
      return z.NEVER;
    }
    return `${match[1]}-${match[2]}-${match[3]}`;
  });

export const bulkItemInput = z
  .object({
    url,
    title: optionalText("title", 1000),
    outlet: optionalText("outlet", 300),
    author: optionalText("author", 500),
    publishedAt,
    text: optionalText("text", MAX_IMPORT_BYTES),
    html: optionalText("html", MAX_IMPORT_BYTES),
  })
  .refine((item) => item.text !== null || item.html !== null || item.url !== null, {
    error: 'Each line needs "text" or "html", or a "url" to fetch the article from.',
  });

export function parseJsonl(text: string, options: { maxLines?: number } = {}): ParsedJsonl {
  const maxLines = options.maxLines ?? MAX_JSONL_LINES;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);

  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? "").trim() === "") continue;
    if (++count > maxLines) {
      const limit = maxLines.toLocaleString("en-US");
      return {
        items: [],
        errors: [{ line: i + 1, message: `This file has more than ${limit} articles; one import takes at most ${limit} lines. Split it into smaller files.` }],
      };
    }
  }

  const result: ParsedJsonl = { items: [], errors: [] };
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "unreadable";
      result.errors.push({ line, message: `Not valid JSON: ${reason}.` });
      return;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      result.errors.push({ line, message: 'Each line must be one JSON object, like {"title": "…", "text": "…"}.' });
      return;
    }
    const parsed = bulkItemInput.safeParse(value);
    if (!parsed.success) {
      result.errors.push({ line, message: [...new Set(parsed.error.issues.map((issue) => issue.message))].join(" ") });
      return;
    }
    result.items.push({ line, item: parsed.data });
  });
  return result;
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}
