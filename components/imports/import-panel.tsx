"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PasteArticleForm, type ArticleDraft } from "@/components/articles/paste-article-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { importBatchAction } from "@/lib/server/actions/imports/import-batch";
import { previewSourceAction } from "@/lib/server/actions/imports/preview-source";

const tabs = [
  { id: "paste", label: "Paste" },
  { id: "files", label: "Upload files" },
  { id: "url", label: "From a URL" },
  { id: "bulk", label: "Bulk JSONL" },
] as const;
type Tab = (typeof tabs)[number]["id"];
type Preview = ArticleDraft & { kind: string; pageCount: number | null; sameUrlArticle: { id: string; title: string } | null };

export function ImportPanel({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const router = useRouter();
  const [tab, setTab] = useState<Tab>("paste");
  const [preview, setPreview] = useState<{ draft: Preview; kind: "file" | "url" } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function choose(next: Tab) {
    setTab(next);
    setPreview(null);
    setError(null);
  }

  async function submitSource(event: React.FormEvent<HTMLFormElement>, kind: "file" | "url") {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("workspaceId", workspaceId);
    setError(null);
    // Several files are a batch; one file or a URL is read for checking before saving.
    if (kind === "file" && form.getAll("file").length > 1) return submitBatch(form, "files");
    setPending(true);
    const result = await previewSourceAction(form);
    setPending(false);
    if (!result.ok) return setError(result.message);
    setPreview({ draft: result.data, kind });
  }

  async function submitBatch(form: FormData, mode: "files" | "jsonl") {
    form.set("workspaceId", workspaceId);
    form.set("mode", mode);
    setPending(true);
    setError(null);
    const result = await importBatchAction(form);
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.push(`/w/${slug}/imports/${result.data.jobId}`);
  }

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Import from" className="flex flex-wrap gap-1 border-b border-stone-200">
        {tabs.map((t) => (
          <button key={t.id} role="tab" type="button" aria-selected={tab === t.id} onClick={() => choose(t.id)}
            className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm ${tab === t.id ? "border-stone-200 border-b-white bg-white font-medium" : "border-transparent text-stone-600 hover:text-stone-900"}`}>
            {t.label}
          </button>
        ))}
      </div>
      {error ? <Alert>{error}</Alert> : null}

      {preview ? (
        <PasteArticleForm
          key={preview.draft.text.length + preview.draft.title}
          workspaceId={workspaceId} slug={slug} initial={preview.draft} sourceKind={preview.kind}
          notice={
            <Alert tone="info">
              Read {preview.draft.kind.toUpperCase()}{preview.draft.pageCount ? ` (${preview.draft.pageCount} pages)` : ""}: check the details below, correct them if needed, then import.
              {preview.draft.sameUrlArticle ? (
                <> This URL is already in the workspace as <Link className="underline" href={`/w/${slug}/articles/${preview.draft.sameUrlArticle.id}`}>{preview.draft.sameUrlArticle.title}</Link>; importing changed text makes a new revision.</>
              ) : null}
            </Alert>
          }
        />
      ) : tab === "paste" ? (
        <PasteArticleForm workspaceId={workspaceId} slug={slug} />
      ) : tab === "files" ? (
        <form onSubmit={(e) => void submitSource(e, "file")} className="space-y-4" aria-label="Upload files">
          <Field label="Files" htmlFor="file" hint="Text (.txt), Markdown (.md), web pages (.html, .htm) or PDF, up to 5 MB each. One file is opened for checking; several are imported in the background.">
            <Input id="file" name="file" type="file" multiple accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" required />
          </Field>
          <Button type="submit" disabled={pending}>{pending ? "Reading…" : "Upload"}</Button>
        </form>
      ) : tab === "url" ? (
        <form onSubmit={(e) => void submitSource(e, "url")} className="space-y-4" aria-label="Import from a URL">
          <Field label="Page URL" htmlFor="source-url" hint="A public web page or PDF (http or https).">
            <Input id="source-url" name="url" type="url" placeholder="https://…" required />
          </Field>
          <Button type="submit" disabled={pending}>{pending ? "Fetching…" : "Fetch"}</Button>
        </form>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); void submitBatch(new FormData(e.currentTarget), "jsonl"); }} className="space-y-4" aria-label="Bulk import">
          <p className="text-sm text-stone-600">
            One JSON object per line with <code>title</code>, <code>outlet</code>, <code>author</code>, <code>url</code>, <code>publishedAt</code> and <code>text</code> or <code>html</code>; up to 10,000 lines. Malformed lines are reported by number; the others still import.
          </p>
          <Field label="JSONL file" htmlFor="jsonl-file"><Input id="jsonl-file" name="file" type="file" accept=".jsonl,.ndjson,.json,application/jsonl,application/x-ndjson" /></Field>
          <Field label="…or paste JSONL" htmlFor="jsonl-text"><Textarea id="jsonl-text" name="text" rows={6} className="font-mono" /></Field>
          <Button type="submit" disabled={pending}>{pending ? "Queuing…" : "Import in the background"}</Button>
        </form>
      )}
    </div>
  );
}
