import type { Metadata } from "next";
import Link from "next/link";
import { ReviewQueue } from "@/components/review/review-queue";
import { humanize } from "@/lib/format";
import { can } from "@/lib/permissions";
import { reviewQueueFilters } from "@/lib/validations/claims";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { dec } from "@/lib/server/data/facts";
import { queueFacets, reviewQueue } from "@/lib/server/data/review-queue";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const filters = reviewQueueFilters.parse(await searchParams);
  const { workspace, actor } = await requireWorkspace(slug);
  const [page, facets] = await Promise.all([reviewQueue(workspace.id, filters, actor.userId), queueFacets(workspace.id)]);
  const query = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, after: undefined, ...patch })) if (v != null && v !== "") next.set(k, String(v));
    return `/w/${slug}/review?${next.toString()}`;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Review queue</h1>
        <Link href={`/w/${slug}/review/stats`} className="text-sm text-sky-700 underline">Extractor quality</Link>
        <p className="text-sm text-stone-600">Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> confirm, <kbd>r</kbd> reject, <kbd>u</kbd> undo, <kbd>?</kbd> help</p>
      </div>
      <form className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filters" action={`/w/${slug}/review`}>
        <div className="flex flex-col"><label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status} className="rounded-md border border-stone-300 bg-white px-2 py-1">
            {["suggested", "confirmed", "rejected", "all"].map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div className="flex flex-col"><label htmlFor="filter-article">Article</label>
          <select id="filter-article" name="article" defaultValue={filters.article ?? ""} className="max-w-56 rounded-md border border-stone-300 bg-white px-2 py-1">
            <option value="">all articles</option>
            {facets.articles.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
          </select>
        </div>
        <div className="flex flex-col"><label htmlFor="filter-assignee">Assigned</label>
          <select id="filter-assignee" name="assignee" defaultValue={filters.assignee ?? ""} className="rounded-md border border-stone-300 bg-white px-2 py-1">
            <option value="">anyone</option>
            <option value="me">my queue</option>
          </select>
        </div>
        <div className="flex flex-col"><label htmlFor="filter-attribute">Attribute</label>
          <select id="filter-attribute" name="attribute" defaultValue={filters.attribute ?? ""} className="rounded-md border border-stone-300 bg-white px-2 py-1">
            <option value="">all attributes</option>
            {facets.attributes.map((a) => <option key={a} value={a}>{humanize(a)}</option>)}
          </select>
        </div>
        <div className="flex flex-col"><label htmlFor="filter-subject">Subject</label>
          <input id="filter-subject" name="subject" defaultValue={filters.subject ?? ""} className="w-36 rounded-md border border-stone-300 bg-white px-2 py-1" />
        </div>
        <div className="flex flex-col"><label htmlFor="filter-minConfidence">Min. confidence</label>
          <input id="filter-minConfidence" name="minConfidence" type="number" min={0} max={1} step={0.05} defaultValue={filters.minConfidence ?? ""} className="w-24 rounded-md border border-stone-300 bg-white px-2 py-1" />
        </div>
        <div className="flex flex-col"><label htmlFor="filter-sort">Sort</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort} className="rounded-md border border-stone-300 bg-white px-2 py-1">
            <option value="confidence">confidence</option>
            <option value="position">article and position</option>
          </select>
        </div>
        <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 font-medium text-white">Apply</button>
      </form>
      <ReviewQueue
        key={JSON.stringify(filters)}
        workspaceId={workspace.id}
        slug={slug}
        mayReview={can(workspace.role, "claims.review")}
        claims={page.claims.map((c) => ({ ...c, value: dec(c.value), low: dec(c.low), high: dec(c.high) }))}
      />
      <nav className="flex justify-between text-sm" aria-label="Pages">
        {filters.after ? <Link className="text-sky-700 underline" href={query({})}>← First page</Link> : <span />}
        {page.nextCursor ? <Link className="text-sky-700 underline" href={query({ after: page.nextCursor })}>Next page →</Link> : null}
      </nav>
    </div>
  );
}
