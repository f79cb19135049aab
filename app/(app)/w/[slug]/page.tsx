import type { Metadata } from "next";
import Link from "next/link";
import { ReextractButton } from "@/components/imports/reextract-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { articles } from "@/lib/server/data/articles";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string }> }) {
  const { slug } = await params;
  const { after } = await searchParams;
  const { workspace } = await requireWorkspace(slug);
  const page = await articles.list(workspace.id, after ?? null);
  const mayImport = can(workspace.role, "articles.import");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Articles</h1>
        {mayImport ? (
          <div className="flex items-start gap-2">
            {page.articles.length ? <ReextractButton workspaceId={workspace.id} slug={slug} /> : null}
            <Link href={`/w/${slug}/articles/new`} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700">Import article</Link>
          </div>
        ) : null}
      </div>
      {page.articles.length === 0 ? (
        <EmptyState title={after ? "No more articles." : "No articles yet."}>
          {mayImport ? <>Import the first source: <Link className="text-sky-700 underline" href={`/w/${slug}/articles/new`}>paste an article</Link>.</> : "A researcher imports sources here."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {page.articles.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
              <Link href={`/w/${slug}/articles/${a.id}`} className="font-medium text-stone-900 hover:underline">{a.title}</Link>
              <span className="text-sm text-stone-500">{[a.outlet, formatDate(a.publishedAt)].filter(Boolean).join(" · ")}</span>
              <span className="ml-auto flex gap-2">
                {a.pendingCount ? <Badge tone="amber">{a.pendingCount} to review</Badge> : null}
                <Badge>{a.claimCount} claims</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
      <nav className="flex justify-between text-sm" aria-label="Pages">
        {after ? <Link className="text-sky-700 underline" href={`/w/${slug}`}>← Newest</Link> : <span />}
        {page.nextCursor ? <Link className="text-sky-700 underline" href={`/w/${slug}?after=${page.nextCursor}`}>Older →</Link> : null}
      </nav>
    </div>
  );
}
