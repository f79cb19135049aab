import { z } from "zod";
import { normalizeText } from "@/lib/import/normalize";
import { idInput } from "./common";

const oneLine = (v: string) => normalizeText(v).replace(/\n+/g, " ");
const optionalText = (max: number) =>
  z.string().max(max).optional().transform((v) => (v ? oneLine(v) || null : null));

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export const pasteArticleInput = z.object({
  workspaceId: idInput,
  title: z.string().max(500).transform(oneLine).pipe(z.string().min(1, "Give the article a title.")),
  outlet: optionalText(200),
  author: optionalText(200),
  url: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v == null || /^https?:\/\/\S+$/i.test(v), "The URL must start with http:// or https://."),
  publishedAt: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    // Round-trip so that a day that does not exist (2026-02-30) is refused, not rolled over.
    .refine((v) => v == null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v), "Use a real date like 2026-02-27."),
  sourceKind: z.enum(["paste", "file", "url", "seed"]).default("paste"),
  text: z
    .string()
    .min(1, "Paste the article's text.")
    .refine((v) => Buffer.byteLength(v, "utf8") <= MAX_ARTICLE_BYTES, "The text is over 5 MB; split it into several articles."),
});
export type PasteArticleInput = z.input<typeof pasteArticleInput>;

export const assignArticleInput = z.object({ workspaceId: idInput, articleId: idInput, assigneeId: idInput.nullable() });
