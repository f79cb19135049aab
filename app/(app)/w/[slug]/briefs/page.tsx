import type { Metadata } from "next";
import Link from "next/link";
import { CreateBriefForm } from "@/components/briefs/create-brief-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { statusLabel, type BriefStatus } from "@/lib/briefs/workflow";
import { formatDate, humanize } from "@/lib/format";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { briefs } from "@/lib/server/data/briefs";

export const metadata: Metadata = { title: "Briefs" };

const filters: { status: BriefStatus | null; label: string }[] = [
  { status: null, label: "All" },
  { status: "draft", label: "Drafts" },
  { status: "in_review", label: "In review" },
  { status: "published", label: "Published" },
];
const statusTone = (s: BriefStatus) => (s === "published" ? "green" : s === "in_review" ? "blue" : "amber");

export default async function BriefsPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { workspace } = await requireWorkspace(slug);
  const status = filters.find((f) => f.status != null && f.status === query.status)?.status ?? undefined;
  const rows = await briefs.list(workspace.id, status);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Briefs</h1>
      {can(workspace.role, "briefs.write") ? <CreateBriefForm workspaceId={workspace.id} slug={slug} /> : null}
      <nav aria-label="Filter briefs by status">
        <ul className="flex flex-wrap gap-2 text-sm">
          {filters.map((f) => {
            const current = (f.status ?? undefined) === status;
            return (
              <li key={f.label}>
                <Link href={f.status ? `/w/${slug}/briefs?status=${f.status}` : `/w/${slug}/briefs`} aria-current={current ? "page" : undefined}
                  className={`inline-block rounded-full px-3 py-1 ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${current ? "bg-stone-900 text-white ring-stone-900" : "bg-white text-stone-800 ring-stone-300 hover:bg-stone-100"}`}>
                  {f.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {rows.length === 0 ? (
        status ? (
          <EmptyState title={`No briefs ${statusLabel[status] === "draft" ? "in draft" : statusLabel[status]}.`}>
            <Link href={`/w/${slug}/briefs`} className="text-sky-700 underline">Show all briefs</Link>
          </EmptyState>
        ) : (
          <EmptyState title="No briefs yet.">An editor writes a brief from the workspace&apos;s facts.</EmptyState>
        )
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {rows.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="brief-row">
              <Link href={`/w/${slug}/briefs/${b.id}`} className="font-medium hover:underline">{b.title}</Link>
              <span data-testid="brief-status"><Badge tone={statusTone(b.status)}>{statusLabel[b.status]}</Badge></span>
              {b.openComments ? (
                <span data-testid="brief-open-comments"><Badge tone="amber">{b.openComments} open comment{b.openComments === 1 ? "" : "s"}</Badge></span>
              ) : null}
              {b.latestVersionNumber ? <span className="text-sm text-stone-500">version {b.latestVersionNumber} published</span> : null}
              {b.unsettledFacts.length ? (
                <span data-testid="brief-stale" title={b.unsettledFacts.map((f) => `${f.subject} · ${humanize(f.attribute)}`).join(", ")}>
                  <Badge tone="red">{b.unsettledFacts.some((f) => f.stale) ? "stale: a cited fact was reopened" : "cites a conflicting fact"}</Badge>
                </span>
              ) : null}
              <span className="ml-auto text-sm text-stone-500">edited {formatDate(b.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
