import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { fetchUrl } from "@/lib/import/fetch-url";
import { parseJsonl } from "@/lib/import/jsonl";
import { parseSource, type ParsedSource } from "@/lib/import/source";
import { importJsonlInput, importUrlInput, reextractInput, retryImportJobInput } from "@/lib/validations/imports";
import { createReextractJob } from "@/lib/server/jobs/reextract";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { allowPrivateUrls, fallbackTitle } from "@/lib/server/import/resolve-item";
import { createImportJob, retryFailedItems, type NewImportItem } from "@/lib/server/jobs/import-job";

export async function retryImportJob(actor: Actor | null, raw: unknown): Promise<Result<{ retried: number; slug: string }>> {
  const input = retryImportJobInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "articles.import");
  if (!who.ok) return who;
  const job = await db.job.findFirst({ where: { id: input.data.jobId, workspaceId: who.workspaceId }, select: { id: true, total: true, done: true, failed: true } });
  if (!job) return fail("not_found", "This import no longer exists.");
  if (job.done + job.failed < job.total) return fail("invalid_state", "This import is still running; retry once it has finished.");
  const retried = await retryFailedItems(job.id, who.userId, who.workspaceId);
  if (!retried) return fail("invalid_state", "No failed item can be retried: the ones left failed before they could be read.");
  return ok({ retried, slug: who.slug });
}

// ---------------------------------------------------------------- previews and bulk

export type UploadedFile = { name: string; type: string; bytes: Uint8Array };
export type SourcePreview = {
  title: string; outlet: string | null; author: string | null; url: string | null; publishedAt: string | null; text: string;
  kind: string; pageCount: number | null; sameUrlArticle: { id: string; title: string } | null;
};

const MAX_FILES = 200;

function toPreview(parsed: ParsedSource, fallbackName: string, url: string | null): Omit<SourcePreview, "sameUrlArticle"> {
  return {
    title: parsed.title || fallbackTitle(parsed.text, fallbackName),
    outlet: parsed.siteName, author: parsed.author, url: parsed.canonicalUrl ?? url, publishedAt: parsed.publishedAt,
    text: parsed.text, kind: parsed.kind, pageCount: parsed.pageStarts ? parsed.pageStarts.length : null,
  };
}

/** A likely new revision: an article of the workspace already has this canonical URL. */
async function sameUrl(workspaceId: string, url: string | null) {
  if (!url) return null;
  return db.article.findFirst({ where: { workspaceId, OR: [{ canonicalUrl: url }, { url }] }, orderBy: { createdAt: "desc" }, select: { id: true, title: true } });
}

/** One file read into article fields for the researcher to check before saving. */
export async function previewFile(actor: Actor | null, raw: { workspaceId: string; file: UploadedFile }): Promise<Result<SourcePreview>> {
  const who = await authorize(actor, raw.workspaceId, "articles.import");
  if (!who.ok) return who;
  const parsed = await parseSource({ bytes: raw.file.bytes, fileName: raw.file.name, contentType: raw.file.type });
  if (!parsed.ok) return fail("invalid_input", `${raw.file.name}: ${parsed.message}`);
  const preview = toPreview(parsed.data, raw.file.name, null);
  return ok({ ...preview, sameUrlArticle: await sameUrl(who.workspaceId, preview.url) });
}

/** A web page fetched safely and read into article fields for the researcher to check. */
export async function previewUrl(actor: Actor | null, raw: unknown): Promise<Result<SourcePreview>> {
  const input = importUrlInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "articles.import");
  if (!who.ok) return who;
  const fetched = await fetchUrl(input.data.url, { allowPrivateAddresses: allowPrivateUrls() });
  if (!fetched.ok) return fetched;
  const parsed = await parseSource({ bytes: fetched.data.bytes, contentType: fetched.data.contentType, url: fetched.data.finalUrl });
  if (!parsed.ok) return parsed;
  const preview = toPreview(parsed.data, fetched.data.finalUrl, fetched.data.finalUrl);
  return ok({ ...preview, sameUrlArticle: await sameUrl(who.workspaceId, preview.url) });
}

/** Several files become a background job, one item per file; unreadable files fail up front. */
export async function importFiles(actor: Actor | null, raw: { workspaceId: string; files: UploadedFile[] }): Promise<Result<{ jobId: string; slug: string }>> {
  const who = await authorize(actor, raw.workspaceId, "articles.import");
  if (!who.ok) return who;
  if (raw.files.length === 0) return fail("invalid_input", "Choose at least one file.");
  if (raw.files.length > MAX_FILES) return fail("invalid_input", `Import at most ${MAX_FILES} files at once.`);
  const items: NewImportItem[] = [];
  for (const [i, file] of raw.files.entries()) {
    const parsed = await parseSource({ bytes: file.bytes, fileName: file.name, contentType: file.type });
    if (!parsed.ok) items.push({ position: i + 1, label: file.name, error: parsed.message });
    else {
      const p = toPreview(parsed.data, file.name, null);
      items.push({ position: i + 1, input: { label: file.name, title: p.title, outlet: p.outlet, author: p.author, url: p.url, publishedAt: p.publishedAt, text: p.text } });
    }
  }
  const job = await createImportJob({ workspaceId: who.workspaceId, actorId: who.userId, kind: "files" }, items);
  return ok({ jobId: job.id, slug: who.slug });
}

/** Bulk JSONL: each valid line is an item; a malformed line is reported with its number. */
export async function importJsonl(actor: Actor | null, raw: unknown): Promise<Result<{ jobId: string; slug: string }>> {
  const input = importJsonlInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "articles.import");
  if (!who.ok) return who;
  const parsed = parseJsonl(input.data.text);
  const items: NewImportItem[] = [
    ...parsed.items.map(({ line, item }) => ({ position: line, input: { label: `line ${line}`, ...item } })),
    ...parsed.errors.map(({ line, message }) => ({ position: line, label: `line ${line}`, error: `Line ${line}: ${message}` })),
  ].sort((a, b) => a.position - b.position);
  if (!items.length) return fail("invalid_input", "The JSONL has no lines to import.");
  const job = await createImportJob({ workspaceId: who.workspaceId, actorId: who.userId, kind: "bulk" }, items);
  return ok({ jobId: job.id, slug: who.slug });
}

/** Runs the current extractor over every article again, as a background job. */
export async function reextractWorkspace(actor: Actor | null, raw: unknown): Promise<Result<{ jobId: string; slug: string }>> {
  const input = reextractInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "articles.import");
  if (!who.ok) return who;
  if (!(await db.article.count({ where: { workspaceId: who.workspaceId } }))) return fail("invalid_state", "There are no articles to extract from yet.");
  const job = await createReextractJob(who.workspaceId, who.userId);
  return ok({ jobId: job.id, slug: who.slug });
}
