import "server-only";
import { fetchUrl } from "@/lib/import/fetch-url";
import type { BulkItem } from "@/lib/import/jsonl";
import { parseBulkItem, parseSource, withBulkFields, type ParsedSource } from "@/lib/import/source";
import { ok, type Result } from "@/lib/result";
import type { ArticleFields } from "./store-article";

/** One article of a bulk or multi-file import, as stored on its JobItem. */
export type ImportItem = Partial<BulkItem> & { label?: string; articleId?: string };

/** A title for an article that came without one: its first line, shortened. */
export function fallbackTitle(text: string, label?: string): string {
  const firstLine = text.trim().split("\n", 1)[0]?.trim() ?? "";
  if (firstLine) return firstLine.length > 140 ? `${firstLine.slice(0, 137)}…` : firstLine;
  return label ?? "Untitled article";
}

/** Only the tests' local server needs private addresses; production never sets this. */
export const allowPrivateUrls = () => process.env.IMPORT_ALLOW_PRIVATE_URLS === "1";

function toFields(source: ParsedSource, item: ImportItem): ArticleFields {
  return {
    title: source.title || fallbackTitle(source.text, item.label),
    outlet: source.siteName, author: source.author, url: source.canonicalUrl ?? item.url ?? null,
    publishedAt: source.publishedAt, text: source.text,
  };
}

/** Turns an item into article fields: text as given, HTML through the reader, a URL fetched safely. */
export async function resolveItemFields(item: ImportItem): Promise<Result<ArticleFields>> {
  const bulk: BulkItem = {
    url: item.url ?? null, title: item.title ?? null, outlet: item.outlet ?? null, author: item.author ?? null,
    publishedAt: item.publishedAt ?? null, text: item.text ?? null, html: item.html ?? null,
  };
  if (bulk.text === null && bulk.html === null && bulk.url) {
    const fetched = await fetchUrl(bulk.url, { allowPrivateAddresses: allowPrivateUrls() });
    if (!fetched.ok) return fetched;
    const parsed = await parseSource({ bytes: fetched.data.bytes, contentType: fetched.data.contentType, url: fetched.data.finalUrl });
    return parsed.ok ? ok(toFields(withBulkFields(parsed.data, bulk), item)) : parsed;
  }
  const parsed = parseBulkItem(bulk);
  return parsed.ok ? ok(toFields(parsed.data, item)) : parsed;
}
