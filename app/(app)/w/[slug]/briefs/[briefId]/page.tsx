import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BriefEditor } from "@/components/briefs/brief-editor";
import { IndexingSetting } from "@/components/briefs/indexing-setting";
import { ShareLinks } from "@/components/briefs/share-links";
import { VersionsPanel } from "@/components/briefs/versions-panel";
import { diffSnapshots } from "@/lib/briefs/diff";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { briefs, parseContent } from "@/lib/server/data/briefs";

export const metadata: Metadata = { title: "Brief" };

const versionParam = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export default async function BriefPage({ params, searchParams }: {
  params: Promise<{ slug: string; briefId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug, briefId }, query] = await Promise.all([params, searchParams]);
  const { actor, workspace } = await requireWorkspace(slug);
  const [brief, comments] = await Promise.all([briefs.get(workspace.id, briefId), briefs.comments(workspace.id, briefId)]);
  if (!brief) notFound();
  const content = parseContent(brief.content);
  // Only the facts the brief cites are loaded here; the picker searches the rest on demand.
  const citedFacts = await briefs.factOptions(workspace.id, [...new Set(content.sections.flatMap((s) => s.statements.flatMap((st) => st.factIds)))]);

  // Any two published versions, compared on request (?from=1&to=2).
  const from = versionParam(query.from);
  const to = versionParam(query.to);
  let compare = null;
  if (from && to) {
    const pair = await briefs.versions(workspace.id, brief.id, [from, to]);
    const a = pair.find((v) => v.number === from);
    const b = pair.find((v) => v.number === to);
    if (a && b) compare = { from, to, changes: diffSnapshots(a.snapshot, b.snapshot) };
  }

  const now = new Date();
  const mayWrite = can(workspace.role, "briefs.write");
  const mayPublish = can(workspace.role, "briefs.publish");
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/w/${slug}/briefs`} className="text-sm text-sky-700 underline">← Briefs</Link>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          {brief.versions.length ? <span>Version {brief.latestVersionNumber} is what readers see</span> : <span>Not published yet</span>}
        </div>
      </div>
      <BriefEditor workspaceId={workspace.id} briefId={brief.id} userId={actor.userId} initialTitle={brief.title} initialContent={content}
        version={brief.version} status={brief.status} citedFacts={citedFacts} mayWrite={mayWrite} mayPublish={mayPublish} mayComment={can(workspace.role, "briefs.comment")}
        publishedVersions={brief.latestVersionNumber}
        comments={comments.map((c) => ({
          id: c.id, statementId: c.statementId, authorId: c.authorId, authorName: c.authorName, body: c.body,
          createdAt: c.createdAt.toISOString(), resolvedAt: c.resolvedAt?.toISOString() ?? null, resolvedByName: c.resolvedByName,
        }))} />
      <VersionsPanel workspaceId={workspace.id} briefId={brief.id} mayExport={can(workspace.role, "briefs.export")} compare={compare}
        versions={brief.versions.map((v) => ({ number: v.number, title: v.title, publishedAt: v.publishedAt.toISOString(), overrideNote: v.overrideNote }))} />
      {can(workspace.role, "shareLinks.manage") ? (
        <ShareLinks workspaceId={workspace.id} briefId={brief.id} versions={brief.versions.map((v) => v.number)}
          links={brief.shareLinks.map((l) => ({
            id: l.id, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt?.toISOString() ?? null, expired: l.expiresAt != null && l.expiresAt <= now, revoked: l.revokedAt != null,
            viewCount: l.viewCount, lastViewedAt: l.lastViewedAt?.toISOString() ?? null, pinnedVersion: l.pinnedVersion?.number ?? null,
          }))} />
      ) : null}
      {mayPublish ? (
        <section aria-label="Reader page settings" className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 className="mb-2 font-semibold">Reader page</h2>
          <IndexingSetting workspaceId={workspace.id} briefId={brief.id} allowIndexing={brief.allowIndexing} />
        </section>
      ) : null}
    </div>
  );
}
