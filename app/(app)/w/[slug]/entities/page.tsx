import type { Metadata } from "next";
import Link from "next/link";
import { EntityMergeTable } from "@/components/entities/entity-merge-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { entities } from "@/lib/server/data/entities";
import { entityListFilters } from "@/lib/validations/entities";

export const metadata: Metadata = { title: "Entities" };

const PAGE_SIZE = 25;

export default async function EntitiesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const { q, page } = entityListFilters.parse(await searchParams);
  const { rows, total } = await entities.list(workspace.id, { q, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => `/w/${slug}/entities?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Entities</h1>
        <p className="mt-1 max-w-2xl text-sm text-stone-600">
          The companies, people and groups your claims are about. When two spellings name the same one, select both and merge them:
          their claims and facts come together under one name, and the other spellings are kept as aliases.
        </p>
      </div>
      <form method="get" action={`/w/${slug}/entities`} role="search" className="flex max-w-md items-end gap-2">
        <div className="flex-1 space-y-1">
          <label htmlFor="entity-search" className="block text-sm font-medium text-stone-800">Search entities</label>
          <input id="entity-search" name="q" type="search" defaultValue={q} placeholder="Name or alias"
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600" />
        </div>
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={q ? `No entity matches “${q}”.` : "No entities yet."}>
          {q ? <Link className="text-sky-700 underline" href={`/w/${slug}/entities`}>Show all entities</Link> : "They appear as soon as articles with claims are imported."}
        </EmptyState>
      ) : (
        <EntityMergeTable workspaceId={workspace.id} rows={rows} mayMerge={can(workspace.role, "entities.manage")} />
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
          {page > 1 ? <Link className="text-sky-700 underline" href={href(page - 1)}>← Previous</Link> : null}
          <span className="text-stone-600">Page {page} of {pages} · {total} entities</span>
          {page < pages ? <Link className="text-sky-700 underline" href={href(page + 1)}>Next →</Link> : null}
        </nav>
      ) : <p className="text-sm text-stone-600">{total} {total === 1 ? "entity" : "entities"}</p>}
    </div>
  );
}
