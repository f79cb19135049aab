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
import { entities } from "@/lib/server/data/entities";
import { dec } from "@/lib/server/data/facts";
import { workspaces } from "@/lib/server/data/workspaces";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ slug: string; articleId: string }> }) {
  const { slug, articleId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const mayReview = can(workspace.role, "claims.review");
  const [article, rows, inUse, members, entityOptions, vocabulary, citedFrom] = await Promise.all([
    articles.get(workspace.id, articleId),
    claims.forArticle(workspace.id, articleId),
    mayReview ? claims.attributesInUse(workspace.id) : [],
    workspaces.members(workspace.id),
    mayReview ? entities.options(workspace.id) : [],
    mayReview ? workspaces.vocabulary(workspace.id) : { builtIn: [], added: [] },
    claims.citedFrom(workspace.id, articleId),
  ]);
  const reviewers = members.filter((m) => m.role !== "viewer").map((m) => ({ id: m.user.id, name: m.user.name }));
  if (!article) notFound();
  const list = rows.map((c) => ({
    ...c, value: dec(c.value), low: dec(c.low), high: dec(c.high), asOf: c.asOf ? c.asOf.toISOString().slice(0, 10) : null,
    citations: c.citations.map(({ article: quoted, ...q }) => ({ ...q, articleTitle: quoted.title })),
  }));
  // The vocabulary (built-in and workspace-added) plus attributes already used on claims.
  const attributes = mayReview ? [...new Set([...vocabulary.builtIn, ...vocabulary.added, ...inUse])].sort() : [];
  const citedHere = citedFrom.map((c) => ({
    citationId: c.id, claimId: c.claim.id, subject: c.claim.subject, attribute: c.claim.attribute, valueText: c.claim.valueText,
    claimArticleId: c.claim.articleId, claimArticleTitle: c.claim.article.title, exact: c.exact,
  }));
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
      <ArticleReader workspaceId={workspace.id} slug={slug} articleId={article.id} articleTitle={article.title} text={article.text} claims={list}
        citedHere={citedHere} mayReview={mayReview} entities={entityOptions} attributes={attributes} />
    </div>
  );
}
