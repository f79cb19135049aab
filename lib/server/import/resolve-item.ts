import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import type { ArticleFields } from "./store-article";

/** One article of a bulk or multi-file import, as stored on its JobItem. */
export type ImportItem = {
  label?: string;
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  text?: string | null;
  html?: string | null;
};

/** A title for an article that came without one: its first line, shortened. */
export function fallbackTitle(text: string, label?: string): string {
  const firstLine = text.trim().split("\n", 1)[0]?.trim() ?? "";
  if (firstLine) return firstLine.length > 140 ? `${firstLine.slice(0, 137)}…` : firstLine;
  return label ?? "Untitled article";
}

/** Turns an item into article fields: text as given, HTML through the reader, URL fetched. */
export async function resolveItemFields(item: ImportItem): Promise<Result<ArticleFields>> {
  const base = { outlet: item.outlet ?? null, author: item.author ?? null, url: item.url ?? null, publishedAt: item.publishedAt ?? null };
  if (item.text != null) return ok({ ...base, title: item.title || fallbackTitle(item.text, item.label), text: item.text });
  return fail("invalid_input", "This item has neither text nor HTML.");
}
