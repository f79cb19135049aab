import type { Metadata } from "next";
import Link from "next/link";
import { CreateBriefForm } from "@/components/briefs/create-brief-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, humanize } from "@/lib/format";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { briefs } from "@/lib/server/data/briefs";

export const metadata: Metadata = { title: "Briefs" };

export default async function BriefsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const rows = await briefs.list(workspace.id);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Briefs</h1>
      {can(workspace.role, "briefs.write") ? <CreateBriefForm workspaceId={workspace.id} slug={slug} /> : null}
      {rows.length === 0 ? (
        <EmptyState title="No briefs yet.">An editor writes a brief from the workspace&apos;s facts.</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {rows.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <Link href={`/w/${slug}/briefs/${b.id}`} className="font-medium hover:underline">{b.title}</Link>
              <Badge tone={b.status === "published" ? "green" : "amber"}>{b.status.replace("_", " ")}</Badge>
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
