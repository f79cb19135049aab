"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { importArticleAction } from "@/lib/server/actions/articles/import-article";

type Problem = { message: string; field?: string; duplicateOf?: string };

export type ArticleDraft = { title: string; outlet: string | null; author: string | null; url: string | null; publishedAt: string | null; text: string };

/** The article form: empty for a paste, or pre-filled from a file or URL for checking before saving. */
export function PasteArticleForm({ workspaceId, slug, initial, sourceKind = "paste", notice }: {
  workspaceId: string; slug: string; initial?: ArticleDraft; sourceKind?: "paste" | "file" | "url"; notice?: React.ReactNode;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    setPending(true);
    setProblem(null);
    const result = await importArticleAction({
      workspaceId, sourceKind, title: value("title"), outlet: value("outlet"), author: value("author"), url: value("url"), publishedAt: value("publishedAt"), text: value("text"),
    });
    if (!result.ok) {
      setPending(false);
      // The form keeps everything typed; nothing is lost on an error.
      setProblem({
        message: result.message,
        field: typeof result.details?.field === "string" ? result.details.field : undefined,
        duplicateOf: typeof result.details?.articleId === "string" ? result.details.articleId : undefined,
      });
      return;
    }
    router.push(`/w/${slug}/articles/${result.data.articleId}`);
  }

  const errorFor = (field: string) => (problem?.field === field ? problem.message : null);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Article">
      {notice}
      {problem && !problem.field ? (
        <Alert>
          {problem.message}{" "}
          {problem.duplicateOf ? <Link className="font-medium underline" href={`/w/${slug}/articles/${problem.duplicateOf}`}>Open it</Link> : null}
        </Alert>
      ) : null}
      <Field label="Title" htmlFor="title" error={errorFor("title")}><Input id="title" name="title" required defaultValue={initial?.title ?? ""} /></Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Outlet" htmlFor="outlet" error={errorFor("outlet")}><Input id="outlet" name="outlet" placeholder="e.g. Reuters" defaultValue={initial?.outlet ?? ""} /></Field>
        <Field label="Author" htmlFor="author" error={errorFor("author")}><Input id="author" name="author" defaultValue={initial?.author ?? ""} /></Field>
        <Field label="URL" htmlFor="url" error={errorFor("url")}><Input id="url" name="url" type="url" placeholder="https://…" defaultValue={initial?.url ?? ""} /></Field>
        <Field label="Published" htmlFor="publishedAt" error={errorFor("publishedAt")} hint="Relative dates in the text are read from this date.">
          <Input id="publishedAt" name="publishedAt" type="date" defaultValue={initial?.publishedAt ?? ""} />
        </Field>
      </div>
      <Field label="Text" htmlFor="text" error={errorFor("text")} hint="Plain text or HTML. Claims are proposed from it when you import.">
        <Textarea id="text" name="text" rows={14} required defaultValue={initial?.text ?? ""} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Importing…" : "Import and extract claims"}</Button>
        <Link href={`/w/${slug}`} className="rounded-md px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-100">Cancel</Link>
      </div>
    </form>
  );
}
