import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleReader } from "@/components/articles/article-reader";
import { AssigneeSelect } from "@/components/articles/assignee-select";
import { formatDate } from "@/lib/format";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { articles } from "@/lib/server/data/articles";
import { claims } from "@/lib/server/data/claims";
import { dec } from "@/lib/server/data/facts";
import { workspaces } from "@/lib/server/data/workspaces";
import { ATTRIBUTE_RULES, GENERIC_ATTRIBUTES } from "@/lib/extract/attributes";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ slug: string; articleId: string }> }) {
  const { slug, articleId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const mayReview = can(workspace.role, "claims.review");
  const [article, rows, inUse, members] = await Promise.all([
    articles.get(workspace.id, articleId),
    claims.forArticle(workspace.id, articleId),
    mayReview ? claims.vocabulary(workspace.id) : { subjects: [], attributes: [] },
    workspaces.members(workspace.id),
  ]);
  const reviewers = members.filter((m) => m.role !== "viewer").map((m) => ({ id: m.user.id, name: m.user.name }));
  if (!article) notFound();
  const list = rows.map((c) => ({ ...c, value: dec(c.value), low: dec(c.low), high: dec(c.high), asOf: c.asOf ? c.asOf.toISOString().slice(0, 10) : null }));
  // The extractor's vocabulary plus whatever the workspace has added by hand.
  const attributes = mayReview ? [...new Set([...ATTRIBUTE_RULES.map((r) => r.attribute), ...GENERIC_ATTRIBUTES, ...inUse.attributes])].sort() : [];
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/w/${slug}`} className="text-sm text-sky-700 underline">← Articles</Link>
        <h1 className="mt-2 font-serif text-2xl font-semibold">{article.title}</h1>
        <p className="text-sm text-stone-600">
          {[article.outlet, article.author, formatDate(article.publishedAt)].filter(Boolean).join(" · ")}
          {article.url ? <> · <a className="text-sky-700 underline" href={article.url} rel="noopener noreferrer nofollow" target="_blank">source</a></> : null}
        </p>
        <div className="mt-2">
          <AssigneeSelect workspaceId={workspace.id} articleId={article.id} assigneeId={article.assigneeId} members={reviewers} mayAssign={can(workspace.role, "articles.assign")} />
        </div>
      </div>
      <ArticleReader workspaceId={workspace.id} articleId={article.id} text={article.text} claims={list} mayReview={mayReview}
        subjects={inUse.subjects} attributes={attributes} />
    </div>
  );
}
